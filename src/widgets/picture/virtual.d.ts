// The widget pictures plugin's virtual module (scripts/widget-pictures.ts).
declare module 'virtual:fault-lines-pictures' {
  import type { PictureData } from './picture-data';
  export const pictures: { readonly [protocolAndScenario: string]: () => Promise<{ default: PictureData }> };
}
