import { ApiError } from "@/lib/errors";
import { problem } from "@/server/http/respond";

// Unknown API paths answer problem+json like every other API error, not an HTML page,
// whatever the method: there is no resource here to allow or refuse a method.
const notFound = async (req: Request) =>
  problem(new ApiError("not_found", `There is no API endpoint at ${req.method} ${new URL(req.url).pathname}.`));

export { notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
