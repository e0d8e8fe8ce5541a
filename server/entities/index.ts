import { AccessToken } from './access-token';
import { AdministrativeUnit } from './administrative-unit';
import { RoleAssignment } from './role-assignment';
import { User } from './user';
import { WorkflowEvent } from './workflow-event';
import { CellChange } from './cell-change';
import { ChangeSet } from './change-set';
import { FundingSource } from './funding-source';
import { Indicator } from './indicator';
import { IndicatorValue } from './indicator-value';
import { Period } from './period';
import { Plan } from './plan';
import { PlanTable } from './plan-table';
import { Program } from './program';
import { ProgramComponent } from './program-component';
import { ProgramPhase } from './program-phase';
import { SourceDocument } from './source-document';
import { SupportPolicy } from './support-policy';
import { TableCell } from './table-cell';
import { TableColumn } from './table-column';
import { TableRow } from './table-row';
import { TableTemplate } from './table-template';
import { UnitSuccession } from './unit-succession';
import { UnitGraphVersion } from './unit-graph-version';
import { SignInFailure } from './sign-in-failure';
import { RateLimitEntry } from './rate-limit-entry';
import { ReportForm } from './report-form';
import { ReportFormVersion } from './report-form-version';
import { ReportingRound } from './reporting-round';
import { ReportInstance } from './report-instance';
import { RemovedTableItem } from './removed-table-item';

export const entities = [
  AdministrativeUnit,
  UnitSuccession,
  UnitGraphVersion,
  Program,
  ProgramPhase,
  ProgramComponent,
  SupportPolicy,
  FundingSource,
  SourceDocument,
  Plan,
  TableTemplate,
  PlanTable,
  TableColumn,
  TableRow,
  TableCell,
  Period,
  Indicator,
  IndicatorValue,
  ChangeSet,
  CellChange,
  User,
  RoleAssignment,
  AccessToken,
  WorkflowEvent,
  SignInFailure,
  RateLimitEntry,
  ReportForm,
  ReportFormVersion,
  ReportingRound,
  ReportInstance,
  RemovedTableItem,
];

export {
  UnitGraphVersion,
  AccessToken,
  AdministrativeUnit,
  RoleAssignment,
  User,
  WorkflowEvent,
  CellChange,
  ChangeSet,
  FundingSource,
  Indicator,
  IndicatorValue,
  Period,
  Plan,
  PlanTable,
  Program,
  ProgramComponent,
  ProgramPhase,
  SourceDocument,
  SupportPolicy,
  TableCell,
  TableColumn,
  TableRow,
  TableTemplate,
  UnitSuccession,
  SignInFailure,
  RateLimitEntry,
  ReportForm,
  ReportFormVersion,
  ReportingRound,
  ReportInstance,
  RemovedTableItem,
};
export * from './enums';
