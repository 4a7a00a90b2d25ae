//! The foundation: agencies, users, persons, cases, parties, grants, classification history,
//! the hash-chained audit log and the case reference counters.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Agencies {
    Table,
    Id,
    Code,
    Name,
    Kind,
    Region,
    Active,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    DisplayName,
    PasswordHash,
    Role,
    AgencyId,
    Active,
    FailedLogins,
    LockedUntil,
    LastLoginAt,
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
    RegisteringAgencyId,
    GivenName,
    FamilyName,
    Patronymic,
    Aliases,
    Sex,
    DateOfBirth,
    DobPrecision,
    Pin,
    Citizenship,
    Phone,
    Address,
    Notes,
    CreatedBy,
}

#[derive(DeriveIden)]
enum Cases {
    Table,
    Id,
    Reference,
    OwnerAgencyId,
    Title,
    Summary,
    Status,
    ClosureReason,
    Region,
    Place,
    ExploitationForms,
    Articles,
    IncidentFrom,
    IncidentTo,
    Transnational,
    Countries,
    OpenedOn,
    ClosedOn,
    CreatedBy,
}

#[derive(DeriveIden)]
enum CaseParties {
    Table,
    Id,
    CaseId,
    PersonId,
    Role,
    Details,
    AddedBy,
    AddedByAgencyId,
}

#[derive(DeriveIden)]
enum CaseGrants {
    Table,
    Id,
    CaseId,
    AgencyId,
    Level,
    Origin,
    GrantedBy,
    CreatedAt,
    RevokedAt,
    RevokedBy,
    Version,
}

#[derive(DeriveIden)]
enum PersonGrants {
    Table,
    Id,
    PersonId,
    AgencyId,
    Level,
    Origin,
    OriginId,
    GrantedBy,
    CreatedAt,
    RevokedAt,
    RevokedBy,
    Version,
}

#[derive(DeriveIden)]
enum ClassificationChanges {
    Table,
    Id,
    CaseId,
    Field,
    OldValue,
    NewValue,
    Reason,
    ChangedBy,
    AgencyId,
    ChangedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Seq,
    At,
    UserId,
    AgencyId,
    Action,
    ObjectType,
    ObjectId,
    Details,
    ClientAddr,
    PrevHash,
    Hash,
}

#[derive(DeriveIden)]
enum AuditHead {
    Table,
    Id,
    LastSeq,
    LastHash,
}

#[derive(DeriveIden)]
enum ReferenceCounters {
    Table,
    Prefix,
    LastNumber,
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
                        .table(Agencies::Table)
                        .col(pk_uuid(Agencies::Id))
                        .col(string_len_uniq(Agencies::Code, 32))
                        .col(string_len(Agencies::Name, 200))
                        .col(string_len(Agencies::Kind, 32))
                        .col(string_len_null(Agencies::Region, 16))
                        .col(boolean(Agencies::Active).default(true)),
                )
                .to_owned(),
            )
            .await?;

        manager
            .create_table(
                mutable(
                    Table::create()
                        .table(Users::Table)
                        .col(pk_uuid(Users::Id))
                        .col(string_len_uniq(Users::Username, 64))
                        .col(string_len(Users::DisplayName, 200))
                        .col(string_len(Users::PasswordHash, 255))
                        .col(string_len(Users::Role, 32))
                        .col(uuid(Users::AgencyId))
                        .col(boolean(Users::Active).default(true))
                        .col(integer(Users::FailedLogins).default(0))
                        .col(timestamp_with_time_zone_null(Users::LockedUntil))
                        .col(timestamp_with_time_zone_null(Users::LastLoginAt))
                        .foreign_key(&mut fk(
                            "fk_users_agency",
                            Users::Table,
                            Users::AgencyId,
                            Agencies::Table,
                            Agencies::Id,
                        )),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index("ix_users_agency", Users::Table, &["agency_id"]))
            .await?;

        manager
            .create_table(
                mutable(
                    Table::create()
                        .table(Persons::Table)
                        .col(pk_uuid(Persons::Id))
                        .col(uuid(Persons::RegisteringAgencyId))
                        .col(string_len_null(Persons::GivenName, 100))
                        .col(string_len_null(Persons::FamilyName, 100))
                        .col(string_len_null(Persons::Patronymic, 100))
                        .col(json_binary(Persons::Aliases))
                        .col(string_len(Persons::Sex, 16))
                        .col(date_null(Persons::DateOfBirth))
                        .col(string_len_null(Persons::DobPrecision, 16))
                        .col(string_len_null(Persons::Pin, 32))
                        .col(string_len_null(Persons::Citizenship, 2))
                        .col(string_len_null(Persons::Phone, 32))
                        .col(text_null(Persons::Address))
                        .col(text_null(Persons::Notes))
                        .col(uuid(Persons::CreatedBy))
                        .foreign_key(&mut fk(
                            "fk_persons_agency",
                            Persons::Table,
                            Persons::RegisteringAgencyId,
                            Agencies::Table,
                            Agencies::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_persons_created_by",
                            Persons::Table,
                            Persons::CreatedBy,
                            Users::Table,
                            Users::Id,
                        )),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_persons_agency_created",
                Persons::Table,
                &["registering_agency_id", "created_at", "id"],
            ))
            .await?;
        manager
            .create_index(index("ix_persons_pin", Persons::Table, &["pin"]))
            .await?;

        manager
            .create_table(
                mutable(
                    Table::create()
                        .table(Cases::Table)
                        .col(pk_uuid(Cases::Id))
                        .col(string_len_uniq(Cases::Reference, 32))
                        .col(uuid(Cases::OwnerAgencyId))
                        .col(string_len(Cases::Title, 200))
                        .col(text_null(Cases::Summary))
                        .col(string_len(Cases::Status, 32))
                        .col(string_len_null(Cases::ClosureReason, 32))
                        .col(string_len(Cases::Region, 16))
                        .col(string_len_null(Cases::Place, 200))
                        .col(json_binary(Cases::ExploitationForms))
                        .col(json_binary(Cases::Articles))
                        .col(date_null(Cases::IncidentFrom))
                        .col(date_null(Cases::IncidentTo))
                        .col(boolean(Cases::Transnational).default(false))
                        .col(json_binary(Cases::Countries))
                        .col(date(Cases::OpenedOn))
                        .col(date_null(Cases::ClosedOn))
                        .col(uuid(Cases::CreatedBy))
                        .foreign_key(&mut fk(
                            "fk_cases_owner",
                            Cases::Table,
                            Cases::OwnerAgencyId,
                            Agencies::Table,
                            Agencies::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_cases_created_by",
                            Cases::Table,
                            Cases::CreatedBy,
                            Users::Table,
                            Users::Id,
                        )),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_cases_owner_created",
                Cases::Table,
                &["owner_agency_id", "created_at", "id"],
            ))
            .await?;
        manager
            .create_index(index("ix_cases_opened", Cases::Table, &["opened_on"]))
            .await?;

        manager
            .create_table(
                mutable(
                    Table::create()
                        .table(CaseParties::Table)
                        .col(pk_uuid(CaseParties::Id))
                        .col(uuid(CaseParties::CaseId))
                        .col(uuid(CaseParties::PersonId))
                        .col(string_len(CaseParties::Role, 16))
                        .col(json_binary(CaseParties::Details))
                        .col(uuid(CaseParties::AddedBy))
                        .col(uuid(CaseParties::AddedByAgencyId))
                        .foreign_key(&mut fk(
                            "fk_parties_case",
                            CaseParties::Table,
                            CaseParties::CaseId,
                            Cases::Table,
                            Cases::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_parties_person",
                            CaseParties::Table,
                            CaseParties::PersonId,
                            Persons::Table,
                            Persons::Id,
                        ))
                        .foreign_key(&mut fk(
                            "fk_parties_added_by",
                            CaseParties::Table,
                            CaseParties::AddedBy,
                            Users::Table,
                            Users::Id,
                        )),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_parties_case_person_role",
                    CaseParties::Table,
                    &["case_id", "person_id", "role"],
                )
                .unique()
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_parties_person",
                CaseParties::Table,
                &["person_id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CaseGrants::Table)
                    .col(pk_uuid(CaseGrants::Id))
                    .col(uuid(CaseGrants::CaseId))
                    .col(uuid(CaseGrants::AgencyId))
                    .col(string_len(CaseGrants::Level, 16))
                    .col(string_len(CaseGrants::Origin, 16))
                    .col(uuid(CaseGrants::GrantedBy))
                    .col(timestamp_with_time_zone(CaseGrants::CreatedAt))
                    .col(timestamp_with_time_zone_null(CaseGrants::RevokedAt))
                    .col(uuid_null(CaseGrants::RevokedBy))
                    .col(big_integer(CaseGrants::Version).default(1))
                    .foreign_key(&mut fk(
                        "fk_case_grants_case",
                        CaseGrants::Table,
                        CaseGrants::CaseId,
                        Cases::Table,
                        Cases::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_case_grants_agency",
                        CaseGrants::Table,
                        CaseGrants::AgencyId,
                        Agencies::Table,
                        Agencies::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_case_grants_agency_case",
                CaseGrants::Table,
                &["agency_id", "case_id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_case_grants_case",
                CaseGrants::Table,
                &["case_id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PersonGrants::Table)
                    .col(pk_uuid(PersonGrants::Id))
                    .col(uuid(PersonGrants::PersonId))
                    .col(uuid(PersonGrants::AgencyId))
                    .col(string_len(PersonGrants::Level, 16))
                    .col(string_len(PersonGrants::Origin, 16))
                    .col(uuid_null(PersonGrants::OriginId))
                    .col(uuid(PersonGrants::GrantedBy))
                    .col(timestamp_with_time_zone(PersonGrants::CreatedAt))
                    .col(timestamp_with_time_zone_null(PersonGrants::RevokedAt))
                    .col(uuid_null(PersonGrants::RevokedBy))
                    .col(big_integer(PersonGrants::Version).default(1))
                    .foreign_key(&mut fk(
                        "fk_person_grants_person",
                        PersonGrants::Table,
                        PersonGrants::PersonId,
                        Persons::Table,
                        Persons::Id,
                    ))
                    .foreign_key(&mut fk(
                        "fk_person_grants_agency",
                        PersonGrants::Table,
                        PersonGrants::AgencyId,
                        Agencies::Table,
                        Agencies::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_person_grants_agency_person",
                PersonGrants::Table,
                &["agency_id", "person_id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ClassificationChanges::Table)
                    .col(pk_uuid(ClassificationChanges::Id))
                    .col(uuid(ClassificationChanges::CaseId))
                    .col(string_len(ClassificationChanges::Field, 32))
                    .col(json_binary(ClassificationChanges::OldValue))
                    .col(json_binary(ClassificationChanges::NewValue))
                    .col(text(ClassificationChanges::Reason))
                    .col(uuid(ClassificationChanges::ChangedBy))
                    .col(uuid(ClassificationChanges::AgencyId))
                    .col(timestamp_with_time_zone(ClassificationChanges::ChangedAt))
                    .foreign_key(&mut fk(
                        "fk_classification_case",
                        ClassificationChanges::Table,
                        ClassificationChanges::CaseId,
                        Cases::Table,
                        Cases::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_classification_case",
                ClassificationChanges::Table,
                &["case_id", "changed_at"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(big_integer(AuditEvents::Seq).primary_key())
                    .col(timestamp_with_time_zone(AuditEvents::At))
                    .col(uuid_null(AuditEvents::UserId))
                    .col(uuid_null(AuditEvents::AgencyId))
                    .col(string_len(AuditEvents::Action, 64))
                    .col(string_len(AuditEvents::ObjectType, 32))
                    .col(string_len_null(AuditEvents::ObjectId, 64))
                    .col(text(AuditEvents::Details))
                    .col(string_len_null(AuditEvents::ClientAddr, 64))
                    .col(string_len(AuditEvents::PrevHash, 64))
                    .col(string_len(AuditEvents::Hash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_audit_user",
                AuditEvents::Table,
                &["user_id", "seq"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_audit_object",
                AuditEvents::Table,
                &["object_type", "object_id", "seq"],
            ))
            .await?;
        manager
            .create_index(index("ix_audit_at", AuditEvents::Table, &["at"]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditHead::Table)
                    .col(integer(AuditHead::Id).primary_key())
                    .col(big_integer(AuditHead::LastSeq))
                    .col(string_len(AuditHead::LastHash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(AuditHead::Table)
                    .columns([AuditHead::Id, AuditHead::LastSeq, AuditHead::LastHash])
                    .values_panic([1.into(), 0i64.into(), "0".repeat(64).into()])
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReferenceCounters::Table)
                    .col(string_len(ReferenceCounters::Prefix, 16).primary_key())
                    .col(big_integer(ReferenceCounters::LastNumber))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ReferenceCounters::Table.into_iden(),
            AuditHead::Table.into_iden(),
            AuditEvents::Table.into_iden(),
            ClassificationChanges::Table.into_iden(),
            PersonGrants::Table.into_iden(),
            CaseGrants::Table.into_iden(),
            CaseParties::Table.into_iden(),
            Cases::Table.into_iden(),
            Persons::Table.into_iden(),
            Users::Table.into_iden(),
            Agencies::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
