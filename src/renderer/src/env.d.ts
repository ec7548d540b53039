// Stylesheets are imported by the module that uses them; Vite bundles them.
declare module '*.css';
