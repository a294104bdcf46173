import { TokenDetailSkeleton } from "@/components/tokens/tokens-skeleton";

export default function TokenLoading() {
  return <TokenDetailSkeleton />;
}
