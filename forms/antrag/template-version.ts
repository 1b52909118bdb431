/** The version of our form template, printed in every footer ("Formularstand"). */
export const TEMPLATE_VERSION = '2026-12';
