-- CreateTable
CREATE TABLE "PreviewPass" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,

    CONSTRAINT "PreviewPass_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PreviewPass_territoryId_expiresAt_idx" ON "PreviewPass"("territoryId", "expiresAt");

-- AddForeignKey
ALTER TABLE "PreviewPass" ADD CONSTRAINT "PreviewPass_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreviewPass" ADD CONSTRAINT "PreviewPass_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreviewPass" ADD CONSTRAINT "PreviewPass_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AuthSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
