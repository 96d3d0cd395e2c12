// pa11y ships no types (the @types package describes pa11y 5): what tests/a11y uses of it.
declare module "pa11y" {
  type Issue = { code: string; type: "error" | "warning" | "notice"; message: string; selector: string; runner: string };
  type Options = { standard?: string; runners?: string[]; includeWarnings?: boolean; includeNotices?: boolean; timeout?: number; browser?: unknown; headers?: Record<string, string>; wait?: number };
  function pa11y(url: string, options?: Options): Promise<{ documentTitle: string; pageUrl: string; issues: Issue[] }>;
  export default pa11y;
}
