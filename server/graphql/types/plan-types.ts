import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The document a plan was published in: its title, date, and file name or web address' })
export class SourceDocumentInput {
  @Field({ description: 'Title of the document as published' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Date of issue (YYYY-MM-DD)' }) issuedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'File name or web address of the published document' }) file?: string | null;
}

@InputType({ description: 'A new implementation plan (Kế hoạch) of a unit' })
export class CreatePlanInput {
  @Field(() => ID, { description: 'Identifier of the administrative unit that issued the plan' }) issuingUnitId!: string;
  @Field({ description: 'Document number (số hiệu) as published, e.g. "132/KH-UBND"; unique within the issuing unit' }) documentNumber!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, within the issuing unit\'s validity' }) issuedOn?: string | null;
  @Field({ description: 'Title (trích yếu) as published' }) title!: string;
  @Field({ description: 'First day of the period the plan covers (YYYY-MM-DD)' }) periodFrom!: string;
  @Field({ description: 'Last day of the period the plan covers (YYYY-MM-DD)' }) periodTo!: string;
  @Field(() => SourceDocumentInput, { description: 'The document the plan was published in; empty when not recorded', nullable: true }) sourceDocument?: SourceDocumentInput | null;
}

@InputType({ description: 'Fields to change; those left out keep their value (the issuing unit never changes)' })
export class UpdatePlanInput {
  @Field(() => String, { description: 'New document number (số hiệu), unique within the issuing unit', nullable: true }) documentNumber?: string | null;
  @Field(() => String, { description: 'New date of issue (YYYY-MM-DD)', nullable: true }) issuedOn?: string | null;
  @Field(() => String, { description: 'New title (trích yếu)', nullable: true }) title?: string | null;
  @Field(() => String, { description: 'New first day of the period the plan covers (YYYY-MM-DD)', nullable: true }) periodFrom?: string | null;
  @Field(() => String, { description: 'New last day of the period the plan covers (YYYY-MM-DD)', nullable: true }) periodTo?: string | null;
  @Field(() => SourceDocumentInput, { description: 'New source document details', nullable: true }) sourceDocument?: SourceDocumentInput | null;
}
