-- Issue #12: territory teams (admins and operators invited by email) and each town's identity.
-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "contactAddress" TEXT,
ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "legalPublisher" TEXT,
ADD COLUMN     "logoKey" TEXT,
ADD COLUMN     "primaryColor" TEXT,
ADD COLUMN     "publicationDirector" TEXT,
ADD COLUMN     "welcomeText" TEXT;

-- CreateTable
CREATE TABLE "TerritoryInvitation" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TerritoryInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TerritoryInvitation_tokenHash_key" ON "TerritoryInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "TerritoryInvitation_territoryId_idx" ON "TerritoryInvitation"("territoryId");

-- AddForeignKey
ALTER TABLE "TerritoryInvitation" ADD CONSTRAINT "TerritoryInvitation_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A territory team is its admins and phone operators; super-admins are not invited.
ALTER TABLE "TerritoryInvitation" ADD CONSTRAINT "TerritoryInvitation_role_check" CHECK ("role" IN ('ADMIN', 'OPERATOR'));
-- "#rrggbb" only: the colour is written into the town's pages' style.
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_primaryColor_check" CHECK ("primaryColor" IS NULL OR "primaryColor" ~ '^#[0-9a-f]{6}$');
