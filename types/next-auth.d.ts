import type { MemberRole, Role } from "@/generated/prisma/enums";

type RoleClaim = { role: Role; territoryId: string | null };
type MembershipClaim = { shopId: string; role: MemberRole };

declare module "next-auth" {
  interface Session {
    /** The AuthSession row this browser's cookie names */
    sessionId?: string;
    user?: {
      id: string;
      email?: string | null;
      name?: string | null;
      image?: string | null;
      roles: RoleClaim[];
      memberships: MembershipClaim[];
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    roles?: RoleClaim[];
    memberships?: MembershipClaim[];
  }
}
