// Renderer modules import their stylesheets; under the tests' tsconfig they are plain modules.
declare module '*.css';
