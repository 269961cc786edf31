namespace NuMeng.Recognition.Data;

/// <summary>
/// Tenancy: THE place that decides what each actor may read (docs/architecture.md principle 2). One global
/// query filter per entity, all defined here. The filter inputs are properties of this context read when a query
/// runs, so a context always answers for the actor of its scope. Bypasses (IgnoreQueryFilters) are allowed only in
/// <see cref="Tenancy.UnfilteredQueries"/>.
/// <para>
/// Rules: the department (and the System actor) sees all business data; an enterprise its own organisation's rows; a
/// bureau the applications of its 盟市 that are no longer drafts; the agency the applications of batches entrusted to it
/// from expert review on; an expert only applications assigned to them, and only after declaring no conflict (their own
/// assignment rows always). Score sheets: their own expert's, and the department's and agency's only once submitted
/// and the panel has closed (ADR 0008). Rows that hang off an application follow the application's rule, except attachments:
/// outside the uploader's organisation (and the department) only files frozen into a visible version, or the stamped scan
/// of a signed bureau review, count. Identity's rows of an account (roles, claims, logins, tokens) follow the account;
/// tokens only for their own user, the System actor and the security administrator (and the anonymous sign-in scope).
/// The audit administrator reads the audit log and no business data; the system and security administrators read users
/// and organisations but not the audit log.
/// </para>
/// <para>
/// Filters are row-level: they cannot hide a column. <c>Application.CurrentDraftJson</c> (the enterprise's unsubmitted
/// edits) is on a row the bureau, the agency and experts may read, so their queries must project what they need and never
/// that column; what they review is <see cref="Applications.ApplicationVersion.ContentJson"/>.
/// </para>
/// </summary>
public sealed partial class RecognitionDbContext
{
    /// <summary>
    /// Entity types with no tenancy filter, and why. Every other entity type has exactly one filter
    /// (a test checks both directions).
    /// </summary>
    public static IReadOnlyDictionary<Type, string> TenancyExemptions { get; } = new Dictionary<Type, string>
    {
        [typeof(Batch)] = "申报批次是公开通知（申报通知），任何人可见",
        [typeof(Publication)] = "行文公布是公开文件",
        [typeof(HolidayEntry)] = "节假日安排是公开的国务院通知",
        [typeof(RuleSetRecord)] = "规则集是公开的技术条件",
        [typeof(SceneCatalogueRecord)] = "场景目录是公开的参考标准",
        [typeof(AppRole)] = "角色定义不含业务数据",
        [typeof(IdentityRoleClaim<Guid>)] = "角色声明不含业务数据",
    };

    // ---- Filter inputs: evaluated for every query against the actor of this context. ----

    private bool TenantAnonymous => !_actor.IsAuthenticated;

    /// <summary>Department staff and leaders, and the System actor: all business data.</summary>
    private bool TenantAll => _actor.IsAuthenticated
        && (_actor.Roles.Contains(ActorRole.DepartmentStaff)
            || _actor.Roles.Contains(ActorRole.DepartmentLeader)
            || _actor.Roles.Contains(ActorRole.System));

    /// <summary>The System actor (seeding, background work): every row, the drafts of score sheets included.</summary>
    private bool TenantSystem => _actor.IsAuthenticated && _actor.Roles.Contains(ActorRole.System);

    private bool TenantEnterprise => _actor.IsAuthenticated && _actor.Roles.Contains(ActorRole.EnterpriseApplicant);

    private bool TenantBureau => _actor.IsAuthenticated
        && (_actor.Roles.Contains(ActorRole.BureauReviewer) || _actor.Roles.Contains(ActorRole.BureauLeader));

    private bool TenantAgency => _actor.IsAuthenticated && _actor.Roles.Contains(ActorRole.AgencyCoordinator);

    private bool TenantExpert => _actor.IsAuthenticated && _actor.Roles.Contains(ActorRole.Expert);

    /// <summary>Any role that works with business data (not the three administrators).</summary>
    private bool TenantBusiness => TenantAll || TenantEnterprise || TenantBureau || TenantAgency || TenantExpert;

    /// <summary>Users and organisations: system and security administrators (and the department).</summary>
    private bool TenantDirectory => TenantAll
        || (_actor.IsAuthenticated
            && (_actor.Roles.Contains(ActorRole.SystemAdministrator) || _actor.Roles.Contains(ActorRole.SecurityAdministrator)));

    /// <summary>
    /// Two-factor keys and recovery codes of other accounts: the System actor and the security administrator, who resets
    /// two-factor sign-in when a phone is lost. Not the department, not the system administrator.
    /// </summary>
    private bool TenantManagesTwoFactor => _actor.IsAuthenticated
        && (_actor.Roles.Contains(ActorRole.System) || _actor.Roles.Contains(ActorRole.SecurityAdministrator));

    /// <summary>The audit log: the audit administrator (and the department, the System actor). Never the system administrator.</summary>
    private bool TenantAudit => TenantAll || (_actor.IsAuthenticated && _actor.Roles.Contains(ActorRole.AuditAdministrator));

    private Guid? TenantOrganisationId => _actor.OrganisationId;

    private Guid? TenantUserId => _actor.UserId;

    private Guid? TenantExpertId => _actor.ExpertId;

    private string? TenantLeagueCode => _actor.LeagueCode;

    private void ApplyTenancyFilters(ModelBuilder b)
    {
        // ---- Directory ----
        b.Entity<Organisation>().HasQueryFilter(o =>
            TenantDirectory
            // Bureaus, the department and the agency are public bodies: names any business user may see.
            || (TenantBusiness && o.Kind != OrganisationKind.Enterprise)
            || (TenantBusiness && o.Id == TenantOrganisationId)
            || (TenantBureau && o.Kind == OrganisationKind.Enterprise && o.LeagueCode == TenantLeagueCode)
            || ((TenantAgency || TenantExpert) && Applications.Any(a => a.EnterpriseId == o.Id)));

        b.Entity<AppUser>().HasQueryFilter(u =>
            // Sign-in, registration and cookie validation run before anyone is signed in and must find the account.
            TenantAnonymous
            || TenantDirectory
            || u.Id == TenantUserId
            || (TenantBusiness && u.OrganisationId != null && u.OrganisationId == TenantOrganisationId));

        // Identity's rows of an account follow the account: roles, claims and external logins of a user the actor may
        // see (sign-in reads them in the anonymous scope to build the principal, and the AppUser filter lets that scope
        // see the account). Without these filters `db.UserRoles` listed every account's roles to any signed-in user.
        b.Entity<IdentityUserRole<Guid>>().HasQueryFilter(x => Users.Any(u => u.Id == x.UserId));
        b.Entity<IdentityUserClaim<Guid>>().HasQueryFilter(x => Users.Any(u => u.Id == x.UserId));
        b.Entity<IdentityUserLogin<Guid>>().HasQueryFilter(x => Users.Any(u => u.Id == x.UserId));
        // Tokens hold the authenticator key and the recovery codes: only the account's own, or the System actor's and the
        // security administrator's (resetting two-factor sign-in). The anonymous scope must read them too, because
        // the second sign-in step (login-2fa) verifies the code before anyone is signed in — Identity's store reads the
        // key in that scope. That allowance reaches no further than the AppUser filter's own anonymous allowance (the
        // anonymous scope runs only sign-in, registration and public pages; none projects a token).
        b.Entity<IdentityUserToken<Guid>>().HasQueryFilter(t =>
            (TenantAnonymous || TenantManagesTwoFactor || (TenantUserId != null && t.UserId == TenantUserId))
            && Users.Any(u => u.Id == t.UserId));

        b.Entity<Expert>().HasQueryFilter(e =>
            TenantAll || TenantAgency || (TenantExpert && e.Id == TenantExpertId));

        // ---- The application and what hangs off it ----
        b.Entity<Application>().HasQueryFilter(a =>
            TenantAll
            || (TenantEnterprise && a.EnterpriseId == TenantOrganisationId)
            // The bureau reviews what its enterprises submitted; drafts are the enterprise's own business.
            || (TenantBureau && a.LeagueCode == TenantLeagueCode && a.State != ApplicationState.Draft)
            // The agency organises expert review for the batches entrusted to it, from formal acceptance on (it forms the
            // panel of an accepted application and starts the review).
            || (TenantAgency
                && ApplicationStages.FromAcceptance.Contains(a.State)
                && Batches.Any(bt => bt.Id == a.BatchId && bt.EntrustedAgencyId == TenantOrganisationId))
            // An expert: assigned, declared no conflict, not recused.
            || (TenantExpert
                && ExpertAssignments.Any(x => x.ApplicationId == a.Id
                    && x.ExpertId == TenantExpertId
                    && x.DeclaredAt != null
                    && x.Conflict == ConflictDeclaration.None
                    && !x.Recused)));

        b.Entity<ApplicationVersion>().HasQueryFilter(v => Applications.Any(a => a.Id == v.ApplicationId));
        b.Entity<ApplicationVersionAttachment>().HasQueryFilter(va =>
            ApplicationVersions.Any(v => v.Id == va.ApplicationVersionId));
        // A file is what its uploader is working on until it is submitted: an enterprise's evidence becomes anyone
        // else's business only once frozen into a version (docs/rule-reference.md §9 "What was submitted is frozen"). Following the
        // application alone let a bureau read the uploads of a Returned or Withdrawn application before resubmission.
        // Files of confidential cases (an objector's signed scan) carry no ApplicationId: department only.
        b.Entity<Attachment>().HasQueryFilter(f =>
            TenantAll
            // Its uploader's organisation: the owning enterprise sees its drafts' evidence, a bureau its stamped scans.
            || ((TenantEnterprise || TenantBureau || TenantAgency) && f.OwnerOrganisationId == TenantOrganisationId)
            // Anyone else: only what was frozen into a version they may see (that filter follows the application)…
            || (f.ApplicationId != null && ApplicationVersionAttachments.Any(va => va.AttachmentId == f.Id))
            // …and the stamped scan of a signed bureau review they may see (experts and the agency read the 初审意见).
            || (f.ApplicationId != null && BureauReviews.Any(r => r.StampedScanAttachmentId == f.Id && r.SignedAt != null)));
        b.Entity<BureauReview>().HasQueryFilter(r => Applications.Any(a => a.Id == r.ApplicationId));
        b.Entity<Certificate>().HasQueryFilter(c => Applications.Any(a => a.Id == c.ApplicationId));
        b.Entity<RenameRequest>().HasQueryFilter(r => Applications.Any(a => a.Id == r.ApplicationId));
        b.Entity<Revocation>().HasQueryFilter(r => Applications.Any(a => a.Id == r.ApplicationId));

        // ---- Expert review (never the enterprise's or the bureau's to see) ----
        b.Entity<ExpertAssignment>().HasQueryFilter(x =>
            TenantAll
            // Own assignments always: the expert must see them to declare (no) conflict.
            || (TenantExpert && x.ExpertId == TenantExpertId)
            || (TenantAgency && Batches.Any(bt => bt.Id == x.BatchId && bt.EntrustedAgencyId == TenantOrganisationId)));
        // A score sheet (ADR 0008): its own expert always (drafts too); other experts never (the leader reads
        // the panel's sheets through UnfilteredQueries.PanelScoresForLeaderAsync); the department and the agency only a
        // SUBMITTED sheet of a CLOSED panel. Closed = the panel leader (not recused) has submitted the consensus opinion:
        // the consensus can be submitted only once every non-recused member has submitted (ExpertDeskService), and a
        // closed panel cannot change (PanelService), so the leader's consensus column says exactly "closed" — in SQL.
        // Every channel (record API, PDFs, exports, pages) reads sheets through this one filter; the progress counts
        // before closure come from UnfilteredQueries.ScoreSheetStatesAsync (submitted or not, never a point).
        b.Entity<ExpertScore>().HasQueryFilter(s =>
            TenantSystem
            || (TenantExpert && ExpertAssignments.Any(x => x.Id == s.AssignmentId && x.ExpertId == TenantExpertId))
            || ((TenantAll || TenantAgency)
                && s.SubmittedAt != null
                && ExpertAssignments.Any(x => x.Id == s.AssignmentId
                    && ExpertAssignments.Any(l => l.ApplicationId == x.ApplicationId
                        && l.Role == PanelRole.Leader
                        && !l.Recused
                        && l.ConsensusSubmittedAt != null))));
        b.Entity<OnSiteCheck>().HasQueryFilter(c =>
            (TenantAll || TenantAgency || TenantExpert) && Applications.Any(a => a.Id == c.ApplicationId));

        // ---- Department-internal decisions ----
        b.Entity<PreSelectionList>().HasQueryFilter(_ => TenantAll);
        b.Entity<PreSelectionEntry>().HasQueryFilter(_ => TenantAll);
        b.Entity<PartyGroupDecision>().HasQueryFilter(_ => TenantAll);
        b.Entity<PartyGroupDecisionEntry>().HasQueryFilter(_ => TenantAll);
        // The objector's identity is confidential (docs/rule-reference.md §9): department only.
        // ---- The Data Protection key ring: the portal's own secret, never a user's to read. ----
        b.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().HasQueryFilter(_ => _actor.IsAuthenticated && _actor.Roles.Contains(ActorRole.System));

        b.Entity<Objection>().HasQueryFilter(_ => TenantAll);

        // ---- Public once published ----
        b.Entity<PublicNotice>().HasQueryFilter(n => n.State != PublicNoticeState.Draft || TenantAll);
        b.Entity<PublicNoticeEntry>().HasQueryFilter(e => PublicNotices.Any(n => n.Id == e.PublicNoticeId));

        // ---- Personal and audit ----
        b.Entity<Notification>().HasQueryFilter(n => TenantUserId != null && n.UserId == TenantUserId);
        b.Entity<AuditEntry>().HasQueryFilter(_ => TenantAudit);
    }
}
