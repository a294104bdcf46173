/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The Docker image is built from .next/standalone: the server, the node_modules it
  // traces, and nothing else (Dockerfile). Vercel packages functions its own way.
  output: process.env.VERCEL === "1" ? undefined : "standalone",
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  // The server applies these SQL files at start-up; standalone output must carry them.
  // The scanning page (/docs/scanning) shows the shipped scanner rules themselves.
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"], "/docs/scanning": ["./docs/scanning/*"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
