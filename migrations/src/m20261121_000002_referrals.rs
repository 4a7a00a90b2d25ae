//! Referrals between agencies with their consent record, assistance given to victims, case
//! transfers, and the origin of case grants (so that a referral's or a transfer's grant can be
//! found and revoked).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Agencies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CaseGrants {
    Table,
    OriginId,
}

#[derive(DeriveIden)]
enum PersonGrants {
    Table,
}

#[derive(DeriveIden)]
enum Referrals {
    Table,
    Id,
    FromAgencyId,
    ToAgencyId,
    PersonId,
    CaseId,
    Anonymous,
    Reason,
    Needs,
    Urgency,
    ConsentGivenBy,
    ConsentGivenOn,
    ConsentScope,
    GuardianName,
    SubjectSex,
    SubjectAgeBand,
    SubjectCitizenship,
    SubjectRegion,
    Status,
    SubmittedAt,
    SubmittedBy,
    RespondedAt,
    RespondedBy,
    ResponseNote,
    WithdrawnAt,
    WithdrawnBy,
    WithdrawNote,
    ClosedAt,
    ClosedBy,
    CloseNote,
    RevokedAt,
    RevokedBy,
    RevokeNote,
    OpenedCaseId,
}

#[derive(DeriveIden)]
enum AssistanceRecords {
    Table,
    Id,
    PersonId,
    ProviderAgencyId,
    Kind,
    StartedOn,
    EndedOn,
    Notes,
    RecordedBy,
}

#[derive(DeriveIden)]
enum CaseTransfers {
    Table,
    Id,
    CaseId,
    FromAgencyId,
    ToAgencyId,
    Reason,
    StatusBefore,
    StatusAfter,
    GrantId,
    TransferredBy,
    TransferredAt,
}

/// `created_at`/`updated_at` and the optimistic-concurrency `version` of a mutable row.
fn mutable(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(big_integer(Alias::new("version")).default(1))
        .col(timestamp_with_time_zone(Alias::new("created_at")))
        .col(timestamp_with_time_zone(Alias::new("updated_at")))
}

fn fk(
    name: &str,
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from_table, from_col)
        .to(to_table, to_col)
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Restrict)
        .to_owned()
}

fn index(name: &str, table: impl IntoIden, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(Alias::new(*col));
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                mutable(
                    Table::create()
                        .table(Referrals::Table)
                        .col(pk_uuid(Referrals::Id))
                        .col(uuid(Referrals::FromAgencyId))
                        .col(uuid(Referrals::ToAgencyId))
                        .col(uuid(Referrals::PersonId))
                        .col(uuid_null(Referrals::CaseId))
                        .col(boolean(Referrals::Anonymous))
                        .col(text(Referrals::Reason))
                        .col(json_binary(Referrals::Needs))
                        .col(string_len(Referrals::Urgency, 16))
                        .col(string_len(Referrals::ConsentGivenBy, 16))
                        .col(date_null(Referrals::ConsentGivenOn))
                        .col(string_len_null(Referrals::ConsentScope, 16))
                        .col(string_len_null(Referrals::GuardianName, 100))
                        .col(string_len(Referrals::SubjectSex, 16))
                        .col(string_len_null(Referrals::SubjectAgeBand, 8))
                        .col(string_len_null(Referrals::SubjectCitizenship, 2))
                        .col(string_len_null(Referrals::SubjectRegion, 16))
                        .col(string_len(Referrals::Status, 16))
                        .col(timestamp_with_time_zone(Referrals::SubmittedAt))
                        .col(uuid(Referrals::SubmittedBy))
                        .col(timestamp_with_time_zone_null(Referrals::RespondedAt))
                        .col(uuid_null(Referrals::RespondedBy))
                        .col(text_null(Referrals::ResponseNote))
                        .col(timestamp_with_time_zone_null(Referrals::WithdrawnAt))
                        .col(uuid_null(Referrals::WithdrawnBy))
                        .col(text_null(Referrals::WithdrawNote))
                        .col(timestamp_with_time_zone_null(Referrals::ClosedAt))
                        .col(uuid_null(Referrals::ClosedBy))
                        .col(text_null(Referrals::CloseNote))
                        .col(timestamp_with_time_zone_null(Referrals::RevokedAt))
                        .col(uuid_null(Referrals::RevokedBy))
                        .col(text_null(Referrals::RevokeNote))
                        .col(uuid_null(Referrals::OpenedCaseId))
                        .foreign_key(&mut fk(
                            "fk_referrals_from_agency",
                            Referrals::Table,
                            Referrals::FromAgencyId,
                            Agencies::Table,
                            Agencies::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_referrals_to_agency",
                            Referrals::Table,
                            Referrals::ToAgencyId,
                            Agencies::Table,
                            Agencies::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_referrals_person",
                            Referrals::Table,
                            Referrals::PersonId,
                            Persons::Table,
                            Persons::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_referrals_case",
                            Referrals::Table,
                            Referrals::CaseId,
                            Cases::Table,
                            Cases::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_referrals_opened_case",
                            Referrals::Table,
                            Referrals::OpenedCaseId,
                            Cases::Table,
                            Cases::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_referrals_submitted_by",
                            Referrals::Table,
                            Referrals::SubmittedBy,
                            Users::Table,
                            Users::Id,
                        )),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_referrals_to_agency",
                Referrals::Table,
                &["to_agency_id", "status", "id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_referrals_from_agency",
                Referrals::Table,
                &["from_agency_id", "status", "id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_referrals_person",
                Referrals::Table,
                &["person_id"],
            ))
            .await?;

        manager
            .create_table(
                mutable(
                    Table::create()
                        .table(AssistanceRecords::Table)
                        .col(pk_uuid(AssistanceRecords::Id))
                        .col(uuid(AssistanceRecords::PersonId))
                        .col(uuid(AssistanceRecords::ProviderAgencyId))
                        .col(string_len(AssistanceRecords::Kind, 32))
                        .col(date(AssistanceRecords::StartedOn))
                        .col(date_null(AssistanceRecords::EndedOn))
                        .col(text_null(AssistanceRecords::Notes))
                        .col(uuid(AssistanceRecords::RecordedBy))
                        .foreign_key(&mut fk(
                            "fk_assistance_person",
                            AssistanceRecords::Table,
                            AssistanceRecords::PersonId,
                            Persons::Table,
                            Persons::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_assistance_provider",
                            AssistanceRecords::Table,
                            AssistanceRecords::ProviderAgencyId,
                            Agencies::Table,
                            Agencies::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_assistance_recorded_by",
                            AssistanceRecords::Table,
                            AssistanceRecords::RecordedBy,
                            Users::Table,
                            Users::Id,
                        )),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_assistance_person",
                AssistanceRecords::Table,
                &["person_id", "started_on"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_assistance_provider",
                AssistanceRecords::Table,
                &["provider_agency_id", "started_on"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseTransfers::Table)
                    .col(pk_uuid(CaseTransfers::Id))
                    .col(uuid(CaseTransfers::CaseId))
                    .col(uuid(CaseTransfers::FromAgencyId))
                    .col(uuid(CaseTransfers::ToAgencyId))
                    .col(text(CaseTransfers::Reason))
                    .col(string_len(CaseTransfers::StatusBefore, 32))
                    .col(string_len(CaseTransfers::StatusAfter, 32))
                    .col(uuid(CaseTransfers::GrantId))
                    .col(uuid(CaseTransfers::TransferredBy))
                    .col(timestamp_with_time_zone(CaseTransfers::TransferredAt))
                    .foreign_key(&mut fk(
                        "fk_transfers_case",
                        CaseTransfers::Table,
                        CaseTransfers::CaseId,
                        Cases::Table,
                        Cases::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_transfers_from_agency",
                        CaseTransfers::Table,
                        CaseTransfers::FromAgencyId,
                        Agencies::Table,
                        Agencies::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_transfers_to_agency",
                        CaseTransfers::Table,
                        CaseTransfers::ToAgencyId,
                        Agencies::Table,
                        Agencies::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_transfers_case",
                CaseTransfers::Table,
                &["case_id", "transferred_at"],
            ))
            .await?;

        // SQLite takes one ALTER option per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(CaseGrants::Table)
                    .add_column(uuid_null(CaseGrants::OriginId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_case_grants_origin",
                CaseGrants::Table,
                &["origin_id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_person_grants_origin",
                PersonGrants::Table,
                &["origin_id"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_person_grants_origin")
                    .table(PersonGrants::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_case_grants_origin")
                    .table(CaseGrants::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CaseGrants::Table)
                    .drop_column(CaseGrants::OriginId)
                    .to_owned(),
            )
            .await?;
        for table in [
            CaseTransfers::Table.into_iden(),
            AssistanceRecords::Table.into_iden(),
            Referrals::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
