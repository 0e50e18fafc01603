// addons-linter ships no types; this is the part of its Node API the Firefox test uses.
declare module 'addons-linter' {
  interface Finding {
    code: string;
    file?: string;
    message: string;
  }
  const linter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): {
      run(): Promise<{ errors: Finding[]; warnings: Finding[]; notices: Finding[] }>;
    };
  };
  export default linter;
}
