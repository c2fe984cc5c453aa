// Asset imports resolved by Vite (`?url` gives the emitted file's URL). tsconfig.web.json sets "types": [],
// so only the declarations the renderer uses are spelled out here.
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css';
