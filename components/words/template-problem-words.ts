import { i18n } from '#i18n';
import { HOST_APPS, HOST_NAMES, type HostApp } from '../../lib/record';
import type { ProblemWhat, ProblemWhere, ProblemWords } from '../../lib/template-editor/problem-words';

// A template's problem in the user's language: the thing by its name (a field by its label,
// a host app by its name), then what to do. Used by the editor and the import, so one mistake
// reads the same wherever it is met; a schema path never reaches the screen.

const FIELD_SETTINGS = new Set(['label', 'kind', 'options', 'help', 'placeholder', 'maxLength', 'pattern', 'patternHint', 'quality', 'requiredWhen', 'id', 'renamedFrom']);
const TEMPLATE_SETTINGS = new Set(['id', 'name', 'description', 'version', 'appliesTo', 'fields', 'ownerField', 'receipt']);

export function templateProblemText(words: ProblemWords): string {
  return i18n.t('templateProblems.sentence', [whereText(words.where), whatText(words.what)]);
}

function whereText(where: ProblemWhere): string {
  if (where.kind === 'receiptItem') return i18n.t('templateProblems.where.receiptItem', [where.position]);
  if (where.kind === 'target') {
    const app = (HOST_APPS as readonly string[]).includes(where.host) ? HOST_NAMES[where.host as HostApp] : where.host || i18n.t('templateProblems.where.unknownApp');
    const target = i18n.t('templateProblems.where.target', [app, where.objectType || '?']);
    return where.setting === 'objectType' ? i18n.t('templateProblems.where.objectTypeOf', [target]) : where.setting === 'gateStages' ? i18n.t('templateProblems.where.stagesOf', [target]) : target;
  }
  if (where.kind === 'field') {
    const field = where.label ? i18n.t('templateProblems.where.field', [where.label]) : i18n.t('templateProblems.where.untitledField', [where.position]);
    if (!where.setting || !FIELD_SETTINGS.has(where.setting)) return field;
    return i18n.t('templateProblems.where.fieldSetting', [field, i18n.t(`templateProblems.fieldSetting.${where.setting as 'label'}`)]);
  }
  return TEMPLATE_SETTINGS.has(where.setting) ? i18n.t(`templateProblems.templateSetting.${where.setting as 'name'}`) : i18n.t('templateProblems.where.template');
}

function whatText(what: ProblemWhat): string {
  switch (what.kind) {
    case 'empty':
      return i18n.t('templateProblems.what.empty');
    case 'tooLong':
      return i18n.t('templateProblems.what.tooLong', [what.max]);
    case 'tooFew':
      return i18n.t('templateProblems.what.tooFew', [what.min]);
    case 'tooMany':
      return i18n.t('templateProblems.what.tooMany', [what.max]);
    case 'tooSmall':
      return i18n.t('templateProblems.what.tooSmall', [what.min]);
    case 'tooBig':
      return i18n.t('templateProblems.what.tooBig', [what.max]);
    case 'idForm':
      return i18n.t('templateProblems.what.idForm');
    case 'notAllowed':
      return i18n.t('templateProblems.what.notAllowed');
    case 'wrongType':
      return i18n.t('templateProblems.what.wrongType');
    case 'duplicateName':
      return i18n.t('templateProblems.what.duplicateName', [what.name]);
    case 'noOptionMatches':
      return i18n.t('templateProblems.what.noOptionMatches', [what.field, what.value]);
    case 'unknownObjectType':
      return i18n.t('templateProblems.what.unknownObjectType', [what.objectType, what.known.join(', ')]);
    case 'reference':
      return referenceText(what.reference);
    case 'sentence':
      return what.text;
  }
}

function referenceText(reference: Extract<ProblemWhat, { kind: 'reference' }>['reference']): string {
  switch (reference.problem) {
    case 'unknownField':
      return i18n.t('templateProblems.what.unknownField', [reference.id]);
    case 'duplicateId':
      return i18n.t('templateProblems.what.duplicateId', [reference.id]);
    case 'needsOptions':
      return i18n.t('templateProblems.what.needsOptions');
    case 'dependsOnItself':
      return i18n.t('templateProblems.what.dependsOnItself');
    case 'badPattern':
      return i18n.t('templateProblems.what.badPattern');
    case 'idOfRenamedField':
      return i18n.t('templateProblems.what.idOfRenamedField', [reference.id, reference.label]);
  }
}
