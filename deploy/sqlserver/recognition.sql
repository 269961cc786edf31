IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Label] nvarchar(100) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Sequence] bigint NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ActorUserId] uniqueidentifier NULL,
        [ActorDisplayName] nvarchar(100) NOT NULL,
        [ActorOrganisationId] uniqueidentifier NULL,
        [ActorOrganisationName] nvarchar(200) NULL,
        [Action] nvarchar(64) NOT NULL,
        [EntityType] nvarchar(64) NOT NULL,
        [EntityId] nvarchar(64) NULL,
        [SummaryJson] nvarchar(max) NOT NULL,
        [PreviousHash] nchar(64) NOT NULL,
        [Hash] nchar(64) NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [HolidayEntries] (
        [Id] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_HolidayEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Organisations] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [CreditCode] nvarchar(18) NULL,
        [LeagueCode] nvarchar(6) NULL,
        [LeagueConfirmed] bit NOT NULL,
        [Industry] nvarchar(100) NULL,
        [ManufacturingType] nvarchar(40) NULL,
        [LegalStatus] nvarchar(40) NULL,
        [ParentGroupName] nvarchar(200) NULL,
        [ParentCreditCode] nvarchar(18) NULL,
        [ContactName] nvarchar(100) NULL,
        [ContactPhone] nvarchar(40) NULL,
        [ContactEmail] nvarchar(100) NULL,
        [Address] nvarchar(200) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Organisations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [RuleSetRecords] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(64) NOT NULL,
        [Version] nvarchar(64) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [SourceDocument] nvarchar(200) NOT NULL,
        [EffectiveDate] date NOT NULL,
        [PayloadJson] nvarchar(max) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_RuleSetRecords] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [SceneCatalogueRecords] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(64) NOT NULL,
        [Version] nvarchar(64) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [SourceDocument] nvarchar(200) NOT NULL,
        [EffectiveDate] date NOT NULL,
        [PayloadJson] nvarchar(max) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_SceneCatalogueRecords] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Batches] (
        [Id] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [Round] int NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [RuleSetCode] nvarchar(64) NOT NULL,
        [RuleSetVersion] nvarchar(64) NOT NULL,
        [SceneCatalogueCode] nvarchar(64) NULL,
        [SceneCatalogueVersion] nvarchar(64) NULL,
        [ApplicationOpensOn] date NOT NULL,
        [ApplicationClosesOn] date NOT NULL,
        [BureauReviewDeadline] date NULL,
        [ExpertReviewDeadline] date NULL,
        [State] nvarchar(40) NOT NULL,
        [EntrustedAgencyId] uniqueidentifier NULL,
        [PerLeagueCap] int NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Batches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Batches_Organisations_EntrustedAgencyId] FOREIGN KEY ([EntrustedAgencyId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Experts] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Title] nvarchar(100) NULL,
        [EmployerName] nvarchar(200) NULL,
        [EmployerCreditCode] nvarchar(18) NULL,
        [EmployerOrganisationId] uniqueidentifier NULL,
        [Fields] nvarchar(max) NOT NULL,
        [LeagueCode] nvarchar(6) NULL,
        [ConsultancyLinks] nvarchar(max) NOT NULL,
        [Phone] nvarchar(40) NULL,
        [IsActive] bit NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Experts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Experts_Organisations_EmployerOrganisationId] FOREIGN KEY ([EmployerOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Applications] (
        [Id] uniqueidentifier NOT NULL,
        [EnterpriseId] uniqueidentifier NOT NULL,
        [BatchId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [State] nvarchar(40) NOT NULL,
        [WorkshopOrFactoryName] nvarchar(200) NOT NULL,
        [CurrentDraftJson] nvarchar(max) NOT NULL,
        [ConsultancyName] nvarchar(200) NULL,
        [LeagueCode] nvarchar(6) NOT NULL,
        [LatestVersionNumber] int NOT NULL,
        [LastSubmittedAt] datetimeoffset NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Applications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Applications_Batches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [Batches] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Applications_Organisations_EnterpriseId] FOREIGN KEY ([EnterpriseId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Publications] (
        [Id] uniqueidentifier NOT NULL,
        [BatchId] uniqueidentifier NOT NULL,
        [DocumentNumber] nvarchar(100) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [PublishedOn] date NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Publications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Publications_Batches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [Batches] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [PublicNotices] (
        [Id] uniqueidentifier NOT NULL,
        [BatchId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [PublishedOn] date NOT NULL,
        [PeriodLength] int NOT NULL,
        [PeriodUnit] nvarchar(40) NOT NULL,
        [EndsOn] date NOT NULL,
        [State] nvarchar(40) NOT NULL,
        [ObjectionContact] nvarchar(4000) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PublicNotices] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PublicNotices_Batches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [Batches] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [ExpertId] uniqueidentifier NULL,
        [PasswordChangedAt] datetimeoffset NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [IsActive] bit NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Experts_ExpertId] FOREIGN KEY ([ExpertId]) REFERENCES [Experts] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AspNetUsers_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Certificates] (
        [Id] uniqueidentifier NOT NULL,
        [Number] nvarchar(64) NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [EnterpriseId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [PublicationId] uniqueidentifier NULL,
        [AwardedOn] date NOT NULL,
        [ValidUntil] date NOT NULL,
        [VerificationCode] nvarchar(64) NOT NULL,
        [EnterpriseName] nvarchar(200) NOT NULL,
        [WorkshopOrFactoryName] nvarchar(200) NOT NULL,
        [Status] nvarchar(40) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [NameHistory] nvarchar(max) NULL,
        CONSTRAINT [PK_Certificates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Certificates_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Certificates_Organisations_EnterpriseId] FOREIGN KEY ([EnterpriseId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Certificates_Publications_PublicationId] FOREIGN KEY ([PublicationId]) REFERENCES [Publications] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [PublicNoticeEntries] (
        [Id] uniqueidentifier NOT NULL,
        [PublicNoticeId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Order] int NOT NULL,
        [EnterpriseName] nvarchar(200) NOT NULL,
        [WorkshopOrFactoryName] nvarchar(200) NOT NULL,
        [LeagueCode] nvarchar(6) NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PublicNoticeEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PublicNoticeEntries_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PublicNoticeEntries_PublicNotices_PublicNoticeId] FOREIGN KEY ([PublicNoticeId]) REFERENCES [PublicNotices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [ApplicationVersions] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [ContentJson] nvarchar(max) NOT NULL,
        [ContentHash] nchar(64) NOT NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [SubmittedByUserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ApplicationVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationVersions_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ApplicationVersions_AspNetUsers_SubmittedByUserId] FOREIGN KEY ([SubmittedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Attachments] (
        [Id] uniqueidentifier NOT NULL,
        [OwnerOrganisationId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NULL,
        [ItemKey] nvarchar(128) NOT NULL,
        [OriginalFileName] nvarchar(260) NOT NULL,
        [StoredName] nvarchar(260) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedByUserId] uniqueidentifier NOT NULL,
        [RemovedAt] datetimeoffset NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Attachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attachments_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Attachments_AspNetUsers_UploadedByUserId] FOREIGN KEY ([UploadedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Attachments_Organisations_OwnerOrganisationId] FOREIGN KEY ([OwnerOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        [Link] nvarchar(200) NULL,
        [ReadAt] datetimeoffset NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Notifications_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [PreSelectionLists] (
        [Id] uniqueidentifier NOT NULL,
        [BatchId] uniqueidentifier NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [ProposedAt] datetimeoffset NULL,
        [ProposedByUserId] uniqueidentifier NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PreSelectionLists] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PreSelectionLists_AspNetUsers_ProposedByUserId] FOREIGN KEY ([ProposedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PreSelectionLists_Batches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [Batches] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [RenameRequests] (
        [Id] uniqueidentifier NOT NULL,
        [CertificateId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [RequestedByBureauId] uniqueidentifier NOT NULL,
        [PreviousName] nvarchar(200) NOT NULL,
        [NewName] nvarchar(200) NOT NULL,
        [NewCreditCode] nvarchar(18) NULL,
        [Reason] nvarchar(4000) NOT NULL,
        [State] nvarchar(40) NOT NULL,
        [DecidedAt] datetimeoffset NULL,
        [DecisionNote] nvarchar(4000) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_RenameRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RenameRequests_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RenameRequests_Certificates_CertificateId] FOREIGN KEY ([CertificateId]) REFERENCES [Certificates] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RenameRequests_Organisations_RequestedByBureauId] FOREIGN KEY ([RequestedByBureauId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [ExpertAssignments] (
        [Id] uniqueidentifier NOT NULL,
        [ExpertId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ApplicationVersionId] uniqueidentifier NULL,
        [BatchId] uniqueidentifier NOT NULL,
        [PanelName] nvarchar(100) NOT NULL,
        [Role] nvarchar(40) NOT NULL,
        [Conflict] nvarchar(40) NOT NULL,
        [ConflictReason] nvarchar(4000) NULL,
        [DeclaredAt] datetimeoffset NULL,
        [Recused] bit NOT NULL,
        [AssignedByUserId] uniqueidentifier NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ExpertAssignments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExpertAssignments_ApplicationVersions_ApplicationVersionId] FOREIGN KEY ([ApplicationVersionId]) REFERENCES [ApplicationVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ExpertAssignments_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ExpertAssignments_AspNetUsers_AssignedByUserId] FOREIGN KEY ([AssignedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ExpertAssignments_Batches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [Batches] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ExpertAssignments_Experts_ExpertId] FOREIGN KEY ([ExpertId]) REFERENCES [Experts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [OnSiteChecks] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ApplicationVersionId] uniqueidentifier NULL,
        [PanelName] nvarchar(100) NOT NULL,
        [CheckedOn] date NOT NULL,
        [LeaderExpertId] uniqueidentifier NULL,
        [Conclusion] nvarchar(4000) NOT NULL,
        [Passed] bit NULL,
        [SubmittedAt] datetimeoffset NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Items] nvarchar(max) NULL,
        CONSTRAINT [PK_OnSiteChecks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OnSiteChecks_ApplicationVersions_ApplicationVersionId] FOREIGN KEY ([ApplicationVersionId]) REFERENCES [ApplicationVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_OnSiteChecks_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_OnSiteChecks_Experts_LeaderExpertId] FOREIGN KEY ([LeaderExpertId]) REFERENCES [Experts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [ApplicationVersionAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationVersionId] uniqueidentifier NOT NULL,
        [AttachmentId] uniqueidentifier NOT NULL,
        [ItemKey] nvarchar(128) NOT NULL,
        [OriginalFileName] nvarchar(260) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        CONSTRAINT [PK_ApplicationVersionAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationVersionAttachments_ApplicationVersions_ApplicationVersionId] FOREIGN KEY ([ApplicationVersionId]) REFERENCES [ApplicationVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ApplicationVersionAttachments_Attachments_AttachmentId] FOREIGN KEY ([AttachmentId]) REFERENCES [Attachments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [BureauReviews] (
        [Id] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ApplicationVersionId] uniqueidentifier NOT NULL,
        [BureauOrganisationId] uniqueidentifier NOT NULL,
        [Decision] nvarchar(40) NOT NULL,
        [OpinionText] nvarchar(4000) NOT NULL,
        [Ranking] int NULL,
        [ReviewedByUserId] uniqueidentifier NOT NULL,
        [SignedByLeaderUserId] uniqueidentifier NULL,
        [SignedAt] datetimeoffset NULL,
        [StampedScanAttachmentId] uniqueidentifier NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [ItemReasons] nvarchar(max) NULL,
        CONSTRAINT [PK_BureauReviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BureauReviews_ApplicationVersions_ApplicationVersionId] FOREIGN KEY ([ApplicationVersionId]) REFERENCES [ApplicationVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_BureauReviews_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_BureauReviews_AspNetUsers_ReviewedByUserId] FOREIGN KEY ([ReviewedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_BureauReviews_AspNetUsers_SignedByLeaderUserId] FOREIGN KEY ([SignedByLeaderUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_BureauReviews_Attachments_StampedScanAttachmentId] FOREIGN KEY ([StampedScanAttachmentId]) REFERENCES [Attachments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_BureauReviews_Organisations_BureauOrganisationId] FOREIGN KEY ([BureauOrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Objections] (
        [Id] uniqueidentifier NOT NULL,
        [PublicNoticeId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ObjectorKind] nvarchar(40) NOT NULL,
        [ObjectorName] nvarchar(200) NOT NULL,
        [Contact] nvarchar(200) NOT NULL,
        [SignedScanAttachmentId] uniqueidentifier NULL,
        [Content] nvarchar(4000) NOT NULL,
        [Confidential] bit NOT NULL,
        [State] nvarchar(40) NOT NULL,
        [ReceivedAt] datetimeoffset NOT NULL,
        [VerificationNotes] nvarchar(4000) NULL,
        [DecisionReasons] nvarchar(4000) NULL,
        [DecidedAt] datetimeoffset NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Objections] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Objections_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Objections_Attachments_SignedScanAttachmentId] FOREIGN KEY ([SignedScanAttachmentId]) REFERENCES [Attachments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Objections_PublicNotices_PublicNoticeId] FOREIGN KEY ([PublicNoticeId]) REFERENCES [PublicNotices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [Revocations] (
        [Id] uniqueidentifier NOT NULL,
        [CertificateId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Ground] nvarchar(40) NOT NULL,
        [Evidence] nvarchar(4000) NOT NULL,
        [EvidenceAttachmentId] uniqueidentifier NULL,
        [RevokedOn] date NOT NULL,
        [DecidedByUserId] uniqueidentifier NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Revocations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Revocations_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Revocations_AspNetUsers_DecidedByUserId] FOREIGN KEY ([DecidedByUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Revocations_Attachments_EvidenceAttachmentId] FOREIGN KEY ([EvidenceAttachmentId]) REFERENCES [Attachments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Revocations_Certificates_CertificateId] FOREIGN KEY ([CertificateId]) REFERENCES [Certificates] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [PartyGroupDecisions] (
        [Id] uniqueidentifier NOT NULL,
        [BatchId] uniqueidentifier NOT NULL,
        [PreSelectionListId] uniqueidentifier NOT NULL,
        [MeetingNumber] nvarchar(100) NOT NULL,
        [MeetingDate] date NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PartyGroupDecisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartyGroupDecisions_Batches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [Batches] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartyGroupDecisions_PreSelectionLists_PreSelectionListId] FOREIGN KEY ([PreSelectionListId]) REFERENCES [PreSelectionLists] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [PreSelectionEntries] (
        [Id] uniqueidentifier NOT NULL,
        [PreSelectionListId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [Rank] int NOT NULL,
        [Score] decimal(18,4) NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PreSelectionEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PreSelectionEntries_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PreSelectionEntries_PreSelectionLists_PreSelectionListId] FOREIGN KEY ([PreSelectionListId]) REFERENCES [PreSelectionLists] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [ExpertScores] (
        [Id] uniqueidentifier NOT NULL,
        [AssignmentId] uniqueidentifier NOT NULL,
        [TotalPoints] decimal(18,4) NOT NULL,
        [OverallComment] nvarchar(4000) NULL,
        [SubmittedAt] datetimeoffset NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Items] nvarchar(max) NULL,
        CONSTRAINT [PK_ExpertScores] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExpertScores_ExpertAssignments_AssignmentId] FOREIGN KEY ([AssignmentId]) REFERENCES [ExpertAssignments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE TABLE [PartyGroupDecisionEntries] (
        [Id] uniqueidentifier NOT NULL,
        [PartyGroupDecisionId] uniqueidentifier NOT NULL,
        [ApplicationId] uniqueidentifier NOT NULL,
        [ConcurrencyStamp] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PartyGroupDecisionEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartyGroupDecisionEntries_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartyGroupDecisionEntries_PartyGroupDecisions_PartyGroupDecisionId] FOREIGN KEY ([PartyGroupDecisionId]) REFERENCES [PartyGroupDecisions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_BatchId_State] ON [Applications] ([BatchId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_EnterpriseId] ON [Applications] ([EnterpriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_LeagueCode_State] ON [Applications] ([LeagueCode], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApplicationVersionAttachments_ApplicationVersionId_AttachmentId] ON [ApplicationVersionAttachments] ([ApplicationVersionId], [AttachmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_ApplicationVersionAttachments_AttachmentId] ON [ApplicationVersionAttachments] ([AttachmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApplicationVersions_ApplicationId_Number] ON [ApplicationVersions] ([ApplicationId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_ApplicationVersions_SubmittedByUserId] ON [ApplicationVersions] ([SubmittedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AspNetUsers_ExpertId] ON [AspNetUsers] ([ExpertId]) WHERE [ExpertId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_OrganisationId] ON [AspNetUsers] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Attachments_ApplicationId] ON [Attachments] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Attachments_OwnerOrganisationId] ON [Attachments] ([OwnerOrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Attachments_StoredName] ON [Attachments] ([StoredName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Attachments_UploadedByUserId] ON [Attachments] ([UploadedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId] ON [AuditEntries] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Batches_EntrustedAgencyId] ON [Batches] ([EntrustedAgencyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Batches_Year_Round_Kind] ON [Batches] ([Year], [Round], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_BureauReviews_ApplicationId] ON [BureauReviews] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_BureauReviews_ApplicationVersionId] ON [BureauReviews] ([ApplicationVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_BureauReviews_BureauOrganisationId] ON [BureauReviews] ([BureauOrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_BureauReviews_ReviewedByUserId] ON [BureauReviews] ([ReviewedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_BureauReviews_SignedByLeaderUserId] ON [BureauReviews] ([SignedByLeaderUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_BureauReviews_StampedScanAttachmentId] ON [BureauReviews] ([StampedScanAttachmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_ApplicationId] ON [Certificates] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Certificates_EnterpriseId] ON [Certificates] ([EnterpriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_Number] ON [Certificates] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Certificates_PublicationId] ON [Certificates] ([PublicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_VerificationCode] ON [Certificates] ([VerificationCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_ExpertAssignments_ApplicationId] ON [ExpertAssignments] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_ExpertAssignments_ApplicationVersionId] ON [ExpertAssignments] ([ApplicationVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_ExpertAssignments_AssignedByUserId] ON [ExpertAssignments] ([AssignedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_ExpertAssignments_BatchId] ON [ExpertAssignments] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ExpertAssignments_ExpertId_ApplicationId] ON [ExpertAssignments] ([ExpertId], [ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Experts_EmployerOrganisationId] ON [Experts] ([EmployerOrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ExpertScores_AssignmentId] ON [ExpertScores] ([AssignmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_HolidayEntries_Date] ON [HolidayEntries] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_ReadAt] ON [Notifications] ([UserId], [ReadAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Objections_ApplicationId] ON [Objections] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Objections_PublicNoticeId] ON [Objections] ([PublicNoticeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Objections_SignedScanAttachmentId] ON [Objections] ([SignedScanAttachmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_OnSiteChecks_ApplicationId] ON [OnSiteChecks] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_OnSiteChecks_ApplicationVersionId] ON [OnSiteChecks] ([ApplicationVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_OnSiteChecks_LeaderExpertId] ON [OnSiteChecks] ([LeaderExpertId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Organisations_CreditCode] ON [Organisations] ([CreditCode]) WHERE [CreditCode] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Organisations_Kind_LeagueCode] ON [Organisations] ([Kind], [LeagueCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PartyGroupDecisionEntries_ApplicationId] ON [PartyGroupDecisionEntries] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PartyGroupDecisionEntries_PartyGroupDecisionId_ApplicationId] ON [PartyGroupDecisionEntries] ([PartyGroupDecisionId], [ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PartyGroupDecisions_BatchId] ON [PartyGroupDecisions] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PartyGroupDecisions_PreSelectionListId] ON [PartyGroupDecisions] ([PreSelectionListId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PreSelectionEntries_ApplicationId] ON [PreSelectionEntries] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PreSelectionEntries_PreSelectionListId_ApplicationId] ON [PreSelectionEntries] ([PreSelectionListId], [ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PreSelectionLists_BatchId] ON [PreSelectionLists] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PreSelectionLists_ProposedByUserId] ON [PreSelectionLists] ([ProposedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Publications_BatchId] ON [Publications] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Publications_DocumentNumber] ON [Publications] ([DocumentNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PublicNoticeEntries_ApplicationId] ON [PublicNoticeEntries] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PublicNoticeEntries_PublicNoticeId_ApplicationId] ON [PublicNoticeEntries] ([PublicNoticeId], [ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_PublicNotices_BatchId] ON [PublicNotices] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_RenameRequests_ApplicationId] ON [RenameRequests] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_RenameRequests_CertificateId] ON [RenameRequests] ([CertificateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_RenameRequests_RequestedByBureauId] ON [RenameRequests] ([RequestedByBureauId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Revocations_ApplicationId] ON [Revocations] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Revocations_CertificateId] ON [Revocations] ([CertificateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Revocations_DecidedByUserId] ON [Revocations] ([DecidedByUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE INDEX [IX_Revocations_EvidenceAttachmentId] ON [Revocations] ([EvidenceAttachmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RuleSetRecords_Code_Version] ON [RuleSetRecords] ([Code], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SceneCatalogueRecords_Code_Version] ON [SceneCatalogueRecords] ([Code], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121234231_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261121234231_Initial', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [SceneCatalogueRecords] ADD [ActivatedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [RenameRequests] ADD [BureauOpinion] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [RenameRequests] ADD [DecidedByUserId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [RenameRequests] ADD [ForwardedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [RenameRequests] ADD [RequestedByUserId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Objections] ADD [CaseNumber] nvarchar(64) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Objections] ADD [DecidedByUserId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Objections] ADD [EnterpriseResponse] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Objections] ADD [RespondedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Objections] ADD [ResponseRequest] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Objections] ADD [ResponseRequestedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [ExpertAssignments] ADD [ConsensusOpinion] nvarchar(4000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [ExpertAssignments] ADD [ConsensusSubmittedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Batches] ADD [EntrustedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    ALTER TABLE [Batches] ADD [ScoreAggregation] nvarchar(40) NOT NULL DEFAULT N'TrimmedMeanFromFive';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(200) NULL,
        [Xml] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261122020740_ReviewToRecognition'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261122020740_ReviewToRecognition', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207233442_KeysAndAuditMac'
)
BEGIN
    DELETE FROM [DataProtectionKeys];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207233442_KeysAndAuditMac'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207233442_KeysAndAuditMac', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    ALTER TABLE [RuleSetRecords] ADD [ActivatedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    ALTER TABLE [RuleSetRecords] ADD [ActivatedByUserId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    ALTER TABLE [RuleSetRecords] ADD [BasedOnVersion] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    ALTER TABLE [RuleSetRecords] ADD [CreatedByUserId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    ALTER TABLE [RuleSetRecords] ADD [Family] nvarchar(100) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    ALTER TABLE [RuleSetRecords] ADD [PayloadSha256] nvarchar(64) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    UPDATE [RuleSetRecords] SET [Family] = CASE WHEN [Code] = 'NM-2025-TIER' THEN 'Tiers' ELSE 'Technical' END;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207235132_RuleSetSnapshots'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207235132_RuleSetSnapshots', N'10.0.14');
END;

COMMIT;
GO

