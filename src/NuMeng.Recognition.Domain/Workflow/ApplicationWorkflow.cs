namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>One legal transition: in state <paramref name="From"/>, <paramref name="Role"/> may do <paramref name="Action"/>, which leads to <paramref name="To"/>.</summary>
public sealed record WorkflowTransition(ApplicationState From, ApplicationAction Action, ActorRole Role, ApplicationState To);

/// <summary>
/// The recognition procedure as one explicit transition table <c>(state, action, role) → state</c>
/// (管理办法 第七条 组织申报, 第八条 评审认定与公示, 第十条 更名与撤销, 第十二条 有效期). Anything not in the table is refused
/// with a <see cref="WorkflowException"/>; nothing is ever silently ignored.
/// </summary>
/// <remarks>
/// Choices beyond the brief, each a row below:
/// <list type="bullet">
/// <item>A returned application may be withdrawn (退回修改 → 已撤回): otherwise an enterprise that gives up leaves it open forever.
///   Withdrawal is not possible once the bureau has recommended or rejected.</item>
/// <item>The bureau's rejection is signed by the leader, as its recommendation is: both are the stamped 初审意见 of 第七条.
///   A return for revision is a working step and either bureau role may do it.</item>
/// <item>A department return (盟市已推荐 → 退回修改) leads to the same state as a bureau return; the enterprise resubmits and
///   the bureau reviews again, since the bureau's stamped opinion must cover the final version.</item>
/// <item>不予入选 also from 专家评审中 (eliminated at the centralised review, never visited on site), from 拟入选预选名单 by the
///   department leader (the party-group meeting strikes an entry), and from 公示中 by department staff (the re-check of the
///   credit record at the end of the notice finds a listing or a major accident; docs/rule-reference.md §9). 异议成立 stays reserved for
///   an upheld objection.</item>
/// <item>撤销称号 also from 已行文公布 (false information found after publication, before the award), and it is the department
///   leader's act (第四条: 撤销 is the department's; no party-group step records it in the portal).</item>
/// <item>异议不成立 keeps the application in 公示中 (the notice continues); the objection case itself is recorded elsewhere.</item>
/// <item>Final states: 已撤回, 初审未通过, 未入选, 异议成立取消入选, 已撤销称号, 已过有效期. 已授牌 is not final (更名, 撤销, 届满).</item>
/// <item>The three administrators (三员分立) and experts have no row: administrators never act on applications, and scoring
///   is not a state change.</item>
/// </list>
/// Guards that need data (the notice period has ended before 行文公布, the validity has run out before 有效期届满) belong to
/// the caller, which has the dates: see <c>NoticePeriod</c> and <c>CertificateValidity</c>.
/// </remarks>
public static class ApplicationWorkflow
{
    private const ApplicationState Draft = ApplicationState.Draft;
    private const ApplicationState Submitted = ApplicationState.Submitted;
    private const ApplicationState Returned = ApplicationState.Returned;
    private const ApplicationState Withdrawn = ApplicationState.Withdrawn;
    private const ApplicationState BureauRejected = ApplicationState.BureauRejected;
    private const ApplicationState BureauRecommended = ApplicationState.BureauRecommended;
    private const ApplicationState Accepted = ApplicationState.Accepted;
    private const ApplicationState UnderExpertReview = ApplicationState.UnderExpertReview;
    private const ApplicationState OnSiteVerification = ApplicationState.OnSiteVerification;
    private const ApplicationState PreSelected = ApplicationState.PreSelected;
    private const ApplicationState NotSelected = ApplicationState.NotSelected;
    private const ApplicationState PartyGroupApproved = ApplicationState.PartyGroupApproved;
    private const ApplicationState InPublicNotice = ApplicationState.InPublicNotice;
    private const ApplicationState RemovedAfterObjection = ApplicationState.RemovedAfterObjection;
    private const ApplicationState Published = ApplicationState.Published;
    private const ApplicationState Recognised = ApplicationState.Recognised;
    private const ApplicationState Revoked = ApplicationState.Revoked;
    private const ApplicationState Expired = ApplicationState.Expired;

    private const ActorRole Enterprise = ActorRole.EnterpriseApplicant;
    private const ActorRole BureauReviewer = ActorRole.BureauReviewer;
    private const ActorRole BureauLeader = ActorRole.BureauLeader;
    private const ActorRole DeptStaff = ActorRole.DepartmentStaff;
    private const ActorRole DeptLeader = ActorRole.DepartmentLeader;
    private const ActorRole Agency = ActorRole.AgencyCoordinator;
    private const ActorRole SystemJob = ActorRole.System;

    /// <summary>Every legal transition, one row each. Read top to bottom, it is the procedure.</summary>
    public static IReadOnlyList<WorkflowTransition> Table { get; } =
    [
        //  from                action                                       role            to
        // 第七条 组织申报: the enterprise submits, the league/city bureau reviews.
        new(Draft,              ApplicationAction.Submit,                    Enterprise,     Submitted),
        new(Submitted,          ApplicationAction.Withdraw,                  Enterprise,     Withdrawn),
        new(Returned,           ApplicationAction.Withdraw,                  Enterprise,     Withdrawn),
        new(Submitted,          ApplicationAction.ReturnForRevision,         BureauReviewer, Returned),
        new(Submitted,          ApplicationAction.ReturnForRevision,         BureauLeader,   Returned),
        new(Returned,           ApplicationAction.Resubmit,                  Enterprise,     Submitted),
        new(Submitted,          ApplicationAction.BureauReject,              BureauLeader,   BureauRejected),
        new(Submitted,          ApplicationAction.BureauRecommend,           BureauLeader,   BureauRecommended),

        // 第八条 评审认定: the department accepts, experts review centrally and on site, a pre-selection list is proposed.
        new(BureauRecommended,  ApplicationAction.DepartmentAccept,          DeptStaff,      Accepted),
        new(BureauRecommended,  ApplicationAction.ReturnForRevision,         DeptStaff,      Returned),
        // After 受理 the department may still find the bureau's opinion wanting: the bureau reviews the same version again.
        new(Accepted,           ApplicationAction.ReturnToBureau,            DeptStaff,      Submitted),
        new(Accepted,           ApplicationAction.StartExpertReview,         DeptStaff,      UnderExpertReview),
        new(Accepted,           ApplicationAction.StartExpertReview,         Agency,         UnderExpertReview),
        new(UnderExpertReview,  ApplicationAction.StartOnSiteVerification,   DeptStaff,      OnSiteVerification),
        new(UnderExpertReview,  ApplicationAction.StartOnSiteVerification,   Agency,         OnSiteVerification),
        new(UnderExpertReview,  ApplicationAction.NotSelect,                 DeptStaff,      NotSelected),
        new(OnSiteVerification, ApplicationAction.PreSelect,                 DeptStaff,      PreSelected),
        new(OnSiteVerification, ApplicationAction.NotSelect,                 DeptStaff,      NotSelected),

        // 第八条: 厅党组会审议, 公示 5 天, 无异议后行文公布.
        new(PreSelected,        ApplicationAction.ApproveByPartyGroup,       DeptLeader,     PartyGroupApproved),
        new(PreSelected,        ApplicationAction.NotSelect,                 DeptLeader,     NotSelected),
        new(PartyGroupApproved, ApplicationAction.StartPublicNotice,         DeptStaff,      InPublicNotice),
        new(InPublicNotice,     ApplicationAction.UpholdObjection,           DeptStaff,      RemovedAfterObjection),
        new(InPublicNotice,     ApplicationAction.DismissObjection,          DeptStaff,      InPublicNotice),
        new(InPublicNotice,     ApplicationAction.NotSelect,                 DeptStaff,      NotSelected),
        new(InPublicNotice,     ApplicationAction.Publish,                   DeptStaff,      Published),

        // 第十二条 授牌; 第十条 更名、撤销; 有效期届满.
        new(Published,          ApplicationAction.Award,                     DeptStaff,      Recognised),
        new(Published,          ApplicationAction.Revoke,                    DeptLeader,     Revoked),
        new(Recognised,         ApplicationAction.Rename,                    DeptStaff,      Recognised),
        new(Recognised,         ApplicationAction.Revoke,                    DeptLeader,     Revoked),
        new(Recognised,         ApplicationAction.Expire,                    SystemJob,      Expired),
    ];

    /// <summary>
    /// Decides a step for a user holding <paramref name="roles"/>: the new state and the role acted as (the first role in
    /// <see cref="ActingRoles.Precedence"/> that the table permits), or a Chinese refusal naming why — the action is not
    /// possible in <paramref name="state"/>, none of the roles may take it, or a revocation lacks its ground (第十条).
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="action">The action.</param>
    /// <param name="roles">Every role the user holds (at least one).</param>
    /// <param name="ground">Required for <see cref="ApplicationAction.Revoke"/> (第十条（一）–（四）); must be null otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined enum value.</exception>
    /// <exception cref="ArgumentException">No role.</exception>
    public static Decision<ApplicationState, ApplicationAction> Decide(
        ApplicationState state, ApplicationAction action, IEnumerable<ActorRole> roles, RevocationGround? ground = null)
    {
        var (to, actedAs, refused) = Evaluate(state, action, ActingRoles.Validate(roles), ground);
        return refused is { } kind
            ? Decision.Refuse(state, action, actedAs, WorkflowException.MessageFor(state, action, actedAs, kind))
            : Decision.Allow(state, action, to, actedAs);
    }

    /// <summary>
    /// Performs a transition: returns the new state, or throws <see cref="WorkflowException"/> when the action is not
    /// possible in <paramref name="from"/>, not permitted to <paramref name="role"/>, or a revocation lacks its ground.
    /// </summary>
    /// <param name="from">The current state.</param>
    /// <param name="action">The action.</param>
    /// <param name="role">Who acts.</param>
    /// <param name="ground">Required for <see cref="ApplicationAction.Revoke"/> (第十条（一）–（四）); must be null otherwise.</param>
    /// <exception cref="WorkflowException">The transition is illegal.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An undefined enum value.</exception>
    public static ApplicationState Transition(ApplicationState from, ApplicationAction action, ActorRole role, RevocationGround? ground = null)
    {
        var (to, actedAs, refused) = Evaluate(from, action, ActingRoles.Validate([role]), ground);
        return refused is { } kind ? throw new WorkflowException(from, action, actedAs, kind) : to;
    }

    private static (ApplicationState To, ActorRole ActedAs, WorkflowErrorKind? Refused) Evaluate(
        ApplicationState from, ApplicationAction action, IReadOnlyCollection<ActorRole> roles, RevocationGround? ground)
    {
        RequireDefined(from, action);
        if (ground is { } g && !Enum.IsDefined(g))
        {
            throw new ArgumentOutOfRangeException(nameof(ground), g, "未知的撤销情形");
        }

        var rows = Table.Where(t => t.From == from && t.Action == action).ToList();
        if (rows.Count == 0)
        {
            return (from, ActingRoles.Primary(roles), WorkflowErrorKind.NotAllowedInState);
        }
        if (ActingRoles.Pick(roles, rows.Select(t => t.Role)) is not { } role)
        {
            return (from, ActingRoles.Primary(roles), WorkflowErrorKind.RoleNotPermitted);
        }
        if (action == ApplicationAction.Revoke && ground is null)
        {
            return (from, role, WorkflowErrorKind.RevocationGroundRequired);
        }
        if (action != ApplicationAction.Revoke && ground is not null)
        {
            return (from, role, WorkflowErrorKind.RevocationGroundNotApplicable);
        }
        return (rows.First(t => t.Role == role).To, role, null);
    }

    /// <summary>True when the table has the row (a revocation still needs its ground).</summary>
    public static bool CanTransition(ApplicationState from, ApplicationAction action, ActorRole role) =>
        Table.Any(t => t.From == from && t.Action == action && t.Role == role);

    /// <summary>The actions <paramref name="role"/> may take in <paramref name="state"/>, in table order (for the UI's buttons).</summary>
    public static IReadOnlyList<ApplicationAction> AllowedActions(ApplicationState state, ActorRole role) =>
        Table.Where(t => t.From == state && t.Role == role).Select(t => t.Action).Distinct().ToList().AsReadOnly();

    /// <summary>The rows <paramref name="role"/> may take in <paramref name="state"/>, with their target states.</summary>
    public static IReadOnlyList<WorkflowTransition> AllowedTransitions(ApplicationState state, ActorRole role) =>
        Table.Where(t => t.From == state && t.Role == role).ToList().AsReadOnly();

    /// <summary>The roles that may take <paramref name="action"/> in <paramref name="state"/>.</summary>
    public static IReadOnlyList<ActorRole> RolesFor(ApplicationState state, ApplicationAction action) =>
        Table.Where(t => t.From == state && t.Action == action).Select(t => t.Role).ToList().AsReadOnly();

    /// <summary>True when nothing can happen to an application in <paramref name="state"/> any more.</summary>
    public static bool IsFinal(ApplicationState state) => Table.All(t => t.From != state);

    private static void RequireDefined(ApplicationState from, ApplicationAction action)
    {
        if (!Enum.IsDefined(from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "未知的申报状态");
        }
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "未知的操作");
        }
    }
}
