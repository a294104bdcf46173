// Runs once when a Tessera server starts (not during `next build`): checks the
// configuration, opens the database (applying migrations) and creates the first
// super admin from the environment when asked to. A wrong configuration stops the
// server here with a message that says what to set, instead of failing per request.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./server/startup");
  await startServer();
}
