import { TokensListSkeleton } from "@/components/tokens/tokens-skeleton";

export default function TokensLoading() {
  return <TokensListSkeleton />;
}
