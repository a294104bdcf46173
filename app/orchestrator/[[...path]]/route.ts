import { ApiError } from "@/lib/errors";
import { envelopeError } from "@/server/http/orchestrator";

// Unknown /orchestrator paths answer Devtron's envelope, as every other /orchestrator error
// does, not Next's HTML page (the /api counterpart is app/api/[[...path]]/route.ts).
const notFound = async (req: Request) =>
  envelopeError(new ApiError("not_found", `There is no Devtron-compatible endpoint at ${req.method} ${new URL(req.url).pathname}.`));

export { notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
