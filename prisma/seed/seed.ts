export async function seedDemoData(url: string): Promise<string> { return url; }
