// Stylelint for the site's own style sheets (docs/assets/*.css). The recommended rules find mistakes
// (unknown properties, duplicate selectors, invalid values, deprecated properties), not matters of taste.
export default {
  extends: ["stylelint-config-recommended"],
  rules: {
    // Our sheets group rules by component, not by specificity; the order is deliberate.
    "no-descending-specificity": null,
  },
};
