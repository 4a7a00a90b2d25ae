//! Court proceedings: one decision of one court instance on a case (`court_proceedings`),
//! and per defendant the articles, the verdict and the sentence (`court_defendants`).

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
enum CourtProceedings {
    Table,
    Id,
    CaseId,
    CourtAgencyId,
    CourtCaseNumber,
    Instance,
    DecisionDate,
    RecordedBy,
    RecordedByAgencyId,
}

#[derive(DeriveIden)]
enum CourtDefendants {
    Table,
    Id,
    ProceedingId,
    PersonId,
    Articles,
    Verdict,
    SentenceKind,
    SentenceMonths,
    SentenceSuspended,
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CourtProceedings::Table)
                    .col(pk_uuid(CourtProceedings::Id))
                    .col(uuid(CourtProceedings::CaseId))
                    .col(uuid(CourtProceedings::CourtAgencyId))
                    .col(string_len(CourtProceedings::CourtCaseNumber, 64))
                    .col(string_len(CourtProceedings::Instance, 16))
                    .col(date(CourtProceedings::DecisionDate))
                    .col(uuid(CourtProceedings::RecordedBy))
                    .col(uuid(CourtProceedings::RecordedByAgencyId))
                    .col(big_integer(Alias::new("version")).default(1))
                    .col(timestamp_with_time_zone(Alias::new("created_at")))
                    .col(timestamp_with_time_zone(Alias::new("updated_at")))
                    .foreign_key(&mut fk(
                        "fk_court_proceedings_case",
                        CourtProceedings::Table,
                        CourtProceedings::CaseId,
                        Cases::Table,
                        Cases::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_court_proceedings_court",
                        CourtProceedings::Table,
                        CourtProceedings::CourtAgencyId,
                        Agencies::Table,
                        Agencies::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_court_proceedings_recorded_by",
                        CourtProceedings::Table,
                        CourtProceedings::RecordedBy,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_court_proceedings_case")
                    .table(CourtProceedings::Table)
                    .col(CourtProceedings::CaseId)
                    .col(CourtProceedings::DecisionDate)
                    .to_owned(),
            )
            .await?;
        // A court numbers its own cases: one number, one proceeding of that court.
        manager
            .create_index(
                Index::create()
                    .name("ux_court_proceedings_number")
                    .table(CourtProceedings::Table)
                    .col(CourtProceedings::CourtAgencyId)
                    .col(CourtProceedings::CourtCaseNumber)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CourtDefendants::Table)
                    .col(pk_uuid(CourtDefendants::Id))
                    .col(uuid(CourtDefendants::ProceedingId))
                    .col(uuid(CourtDefendants::PersonId))
                    .col(json_binary(CourtDefendants::Articles))
                    .col(string_len(CourtDefendants::Verdict, 16))
                    .col(string_len_null(CourtDefendants::SentenceKind, 16))
                    .col(integer_null(CourtDefendants::SentenceMonths))
                    .col(boolean_null(CourtDefendants::SentenceSuspended))
                    .foreign_key(&mut fk(
                        "fk_court_defendants_proceeding",
                        CourtDefendants::Table,
                        CourtDefendants::ProceedingId,
                        CourtProceedings::Table,
                        CourtProceedings::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_court_defendants_person",
                        CourtDefendants::Table,
                        CourtDefendants::PersonId,
                        Persons::Table,
                        Persons::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_court_defendants_proceeding_person")
                    .table(CourtDefendants::Table)
                    .col(CourtDefendants::ProceedingId)
                    .col(CourtDefendants::PersonId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_court_defendants_person")
                    .table(CourtDefendants::Table)
                    .col(CourtDefendants::PersonId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CourtDefendants::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CourtProceedings::Table).to_owned())
            .await?;
        Ok(())
    }
}
