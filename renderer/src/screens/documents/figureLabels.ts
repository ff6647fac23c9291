/** A figure's name for the drafter (抓拍记录数) from its token key (captures); keys without a name show as they are. */
export function figureLabel(key: string, tMaybe: (key: string, fallback: string) => string): string {
  return tMaybe(`docs.fig.${key}`, key);
}
