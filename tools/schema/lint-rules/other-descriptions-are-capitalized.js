const { ValidationError } = require('graphql-schema-linter/lib/validation_error');

/**
 * graphql-schema-linter's descriptions-are-capitalized checks field descriptions only; this rule checks the
 * rest: types, arguments, input fields and enum values.
 */
function OtherDescriptionsAreCapitalized(configuration, context) {
  const check = (node, what) => {
    const description = node.description && node.description.value;
    if (!description || description[0] === description[0].toUpperCase()) return;
    context.reportError(new ValidationError('other-descriptions-are-capitalized', `The description of ${what} should be capitalized.`, [node]));
  };
  const checkType = (node) => check(node, `the type \`${node.name.value}\``);
  return {
    ObjectTypeDefinition: checkType,
    InterfaceTypeDefinition: checkType,
    InputObjectTypeDefinition: checkType,
    EnumTypeDefinition: checkType,
    UnionTypeDefinition: checkType,
    ScalarTypeDefinition: checkType,
    InputValueDefinition(node, key, parent, path, ancestors) {
      const owner = ancestors[ancestors.length - 1];
      const type = owner.kind === 'FieldDefinition' ? ancestors[ancestors.length - 3] : owner;
      const name = owner.kind === 'FieldDefinition' ? `the argument \`${type.name.value}.${owner.name.value}(${node.name.value})\`` : `the input field \`${owner.name.value}.${node.name.value}\``;
      check(node, name);
    },
    EnumValueDefinition(node, key, parent, path, ancestors) {
      check(node, `the enum value \`${ancestors[ancestors.length - 1].name.value}.${node.name.value}\``);
    },
  };
}

module.exports = { OtherDescriptionsAreCapitalized };
