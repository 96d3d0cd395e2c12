-- A guest has one basket per town (issue #12): the cookie's token is unique per territory, not overall.
DROP INDEX "Cart_guestToken_key";
CREATE UNIQUE INDEX "Cart_territoryId_guestToken_key" ON "Cart"("territoryId", "guestToken");
