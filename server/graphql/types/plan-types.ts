import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The document a plan was published in: its title, date, and file name or web address' })
export class SourceDocumentInput {
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) issuedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'File name or web address of the published document' }) file?: string | null;
}

@InputType()
export class CreatePlanInput {
  @Field(() => ID) issuingUnitId!: string;
  @Field({ description: 'e.g. "132/KH-UBND"; unique within the issuing unit' }) documentNumber!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, within the issuing unit\'s validity' }) issuedOn?: string | null;
  @Field() title!: string;
  @Field({ description: 'First day of the period the plan covers (YYYY-MM-DD)' }) periodFrom!: string;
  @Field({ description: 'Last day of the period the plan covers (YYYY-MM-DD)' }) periodTo!: string;
  @Field(() => SourceDocumentInput, { nullable: true }) sourceDocument?: SourceDocumentInput | null;
}

@InputType({ description: 'Fields to change; those left out keep their value (the issuing unit never changes)' })
export class UpdatePlanInput {
  @Field(() => String, { nullable: true }) documentNumber?: string | null;
  @Field(() => String, { nullable: true }) issuedOn?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) periodFrom?: string | null;
  @Field(() => String, { nullable: true }) periodTo?: string | null;
  @Field(() => SourceDocumentInput, { nullable: true }) sourceDocument?: SourceDocumentInput | null;
}
