import type { MemberRole, Role } from "@/generated/prisma/enums";

/** Who is acting: every use case takes one and checks what it may do. */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string | null;
      roles: { role: Role; territoryId: string | null }[];
      memberships: { shopId: string; role: MemberRole }[];
    };

export type UserActor = Extract<Actor, { kind: "user" }>;

export const anonymous: Actor = { kind: "anonymous" };
