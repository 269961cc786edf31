using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Review;

namespace NuMeng.Recognition.Web.Features.Recognitions;

/// <summary>A rename request as the enterprise sees it (with the bureau's and the department's opinions).</summary>
public sealed record MyRenameRow(Guid Id, string PreviousName, string NewName, string? NewCreditCode, string Reason,
    RenameRequestState State, DateTimeOffset RequestedAt, string? BureauOpinion, DateTimeOffset? ForwardedAt,
    string? DecisionNote, DateTimeOffset? DecidedAt)
{
    public string StateLabel => RenameForwarding.StateLabel(State);

    /// <summary>Still being handled (by the bureau or the department): no second request meanwhile.</summary>
    public bool Open => State is RenameRequestState.Submitted or RenameRequestState.Forwarded;
}

/// <summary>One of the enterprise's certificates (我的认定) with its rename requests, newest first.</summary>
public sealed record MyCertificateRow(Guid Id, Guid ApplicationId, string Number, RecognitionKind Kind, string EnterpriseName,
    string WorkshopOrFactoryName, DateOnly AwardedOn, DateOnly ValidUntil, CertificateStatus Status, int DaysLeft,
    IReadOnlyList<MyRenameRow> Renames)
{
    public string KindLabel => RecognitionKinds.Label(Kind);

    /// <summary>有效/已撤销/已过期 — a valid certificate past its date reads as expired.</summary>
    public string StatusLabel => Status switch
    {
        CertificateStatus.Revoked => "已撤销",
        CertificateStatus.Expired => "已过期",
        _ => DaysLeft < 0 ? "已过期" : "有效",
    };

    /// <summary>A request is possible on a certificate in force with no request still being handled.</summary>
    public bool CanRequestRename => Status == CertificateStatus.Valid && DaysLeft >= 0 && !Renames.Any(r => r.Open);
}

/// <summary>What the enterprise types on the rename page.</summary>
public sealed record RenameInput
{
    public const int MaxNameLength = 200;

    public const int MaxReasonLength = 1000;

    public string? NewName { get; set; }

    public string? NewCreditCode { get; set; }

    public string? Reason { get; set; }

    /// <summary>Errors with camelCase paths (<c>newName</c>, <c>newCreditCode</c>, <c>reason</c>) in Chinese.</summary>
    public IReadOnlyList<InputError> Validate(string currentName)
    {
        var errors = new List<InputError>();
        var name = NewName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(new("newName", "请填写更名后的车间/工厂名称"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new("newName", $"名称不能超过 {MaxNameLength} 个字（当前 {name.Length} 个）"));
        }
        else if (string.Equals(name, currentName.Trim(), StringComparison.Ordinal))
        {
            errors.Add(new("newName", $"新名称与现名称“{currentName}”相同"));
        }
        if (!string.IsNullOrWhiteSpace(NewCreditCode))
        {
            // GB 32100-2015 through the domain: structure, check character, an enterprise registered in Inner Mongolia.
            if (!CreditCode.TryParse(NewCreditCode, out var code, out var codeError))
            {
                errors.Add(new("newCreditCode", codeError));
            }
            else if (!code.IsEnterprise)
            {
                errors.Add(new("newCreditCode", $"第 1–2 位为“{code.Value[..2]}”，不是企业的统一社会信用代码（应为“91”）"));
            }
            else if (!code.IsInnerMongolia)
            {
                errors.Add(new("newCreditCode", $"第 3–8 位登记机关行政区划码“{code.RegionCode}”不在内蒙古自治区；迁出自治区的，称号将被撤销（《管理办法》第十条）"));
            }
        }
        var reason = Reason?.Trim() ?? string.Empty;
        if (reason.Length == 0)
        {
            errors.Add(new("reason", "请填写更名原因（如企业更名、重组），并说明已办理的变更登记"));
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add(new("reason", $"更名原因不能超过 {MaxReasonLength} 个字（当前 {reason.Length} 个）"));
        }
        return errors;
    }
}

/// <summary>The result of a rename request.</summary>
public sealed record RenameRequestOutcome(bool Succeeded, Guid? RequestId, string? Message, IReadOnlyList<InputError> Errors)
{
    public static RenameRequestOutcome Refused(string message) => new(false, null, message, []);
}

/// <summary>
/// 我的认定 (enterprise): its certificates with their validity (管理办法 第十二条: five years from the award date) and its
/// rename requests. 更名 (管理办法 第四章): the enterprise asks; the request is addressed to the bureau of the 盟市 the
/// application belongs to (state Submitted), which forwards it to the department or declines it
/// (<see cref="RenameForwarding"/>); the department decides. Everything reads through the tenancy filter (an enterprise
/// sees only its own applications' certificates) and checks the actor again.
/// </summary>
public sealed class EnterpriseRecognitions(
    IDbContextFactory<RecognitionDbContext> factory, ICurrentActor actor, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    public const string NotEnterpriseMessage = "只有申报企业的用户可以查看本企业的认定和申请更名";

    /// <summary>The enterprise's certificates, newest award first; empty for anyone else.</summary>
    public async Task<IReadOnlyList<MyCertificateRow>> MineAsync(CancellationToken ct = default)
    {
        if (EnterpriseId() is not { } enterprise)
        {
            return [];
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        return await LoadAsync(db, enterprise, null, ct);
    }

    /// <summary>One of the enterprise's certificates; null when not its own (or not there).</summary>
    public async Task<MyCertificateRow?> FindAsync(Guid certificateId, CancellationToken ct = default)
    {
        if (EnterpriseId() is not { } enterprise)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        return await LoadAsync(db, enterprise, certificateId, ct) is [var only, ..] ? only : null;
    }

    /// <summary>
    /// Records the request (state Submitted, addressed to the bureau of the application's 盟市), notifies that bureau's
    /// reviewers and leaders, and audits it (<c>rename.request</c>).
    /// </summary>
    public async Task<RenameRequestOutcome> RequestAsync(Guid certificateId, RenameInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (EnterpriseId() is not { } enterprise || actor.UserId is not { } user)
        {
            return RenameRequestOutcome.Refused(NotEnterpriseMessage);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var certificate = await LoadAsync(db, enterprise, certificateId, ct) is [var found, ..] ? found : null;
        if (certificate is null)
        {
            return RenameRequestOutcome.Refused("未找到该证书，或您无权查看");
        }
        if (certificate.Renames.FirstOrDefault(r => r.Open) is { } open)
        {
            return RenameRequestOutcome.Refused($"该证书已有一份更名申请正在办理（{open.StateLabel}），办结后才能再次申请");
        }
        if (!certificate.CanRequestRename)
        {
            return RenameRequestOutcome.Refused($"证书状态为“{certificate.StatusLabel}”，不能申请更名");
        }
        var app = await db.Applications.AsNoTracking().Where(a => a.Id == certificate.ApplicationId)
            .Select(a => new { a.State, a.LeagueCode }).FirstAsync(ct);
        if (!ApplicationWorkflow.CanTransition(app.State, ApplicationAction.Rename, ActorRole.DepartmentStaff))
        {
            return RenameRequestOutcome.Refused($"该认定当前状态为“{WorkflowLabels.State(app.State)}”，不能申请更名");
        }
        var errors = input.Validate(certificate.WorkshopOrFactoryName);
        if (errors.Count > 0)
        {
            return new(false, null, "请修改以下内容后重新提交", errors);
        }

        // 管理办法 第四章: the bureau of the 盟市 applies to the department; the bureau is reference data (one per 盟市).
        var bureauId = WellKnownIds.Bureau(app.LeagueCode);
        var request = new RenameRequest
        {
            CertificateId = certificate.Id,
            ApplicationId = certificate.ApplicationId,
            RequestedByBureauId = bureauId,
            RequestedByUserId = user,
            PreviousName = certificate.WorkshopOrFactoryName,
            NewName = input.NewName!.Trim(),
            NewCreditCode = string.IsNullOrWhiteSpace(input.NewCreditCode) ? null : CreditCode.Parse(input.NewCreditCode).Value,
            Reason = input.Reason!.Trim(),
        };
        db.RenameRequests.Add(request);
        var league = InnerMongoliaRegions.Leagues.FirstOrDefault(l => l.Code == app.LeagueCode)?.Name ?? app.LeagueCode;
        await notifications.AddForOrganisationAsync(db, bureauId, [ActorRole.BureauReviewer, ActorRole.BureauLeader],
            $"{certificate.EnterpriseName}申请将“{request.PreviousName}”（证书 {certificate.Number}）更名为“{request.NewName}”，请提出意见后转报。",
            "/review/renames", ct);
        try
        {
            await audit.AppendAsync(db, new AuditEvent("rename.request", nameof(RenameRequest), request.Id.ToString("D"), new
            {
                certificate = certificate.Number,
                applicationId = certificate.ApplicationId,
                previousName = request.PreviousName,
                newName = request.NewName,
                newCreditCode = request.NewCreditCode,
                bureau = league,
            }), ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return RenameRequestOutcome.Refused(ConcurrencyConflict.Describe(ex));
        }
        return new(true, request.Id, $"更名申请已提交{league}工业和信息化局，请等待盟市提出意见后转报自治区工业和信息化厅", []);
    }

    private Guid? EnterpriseId() =>
        actor.IsAuthenticated && actor.Roles.Contains(ActorRole.EnterpriseApplicant) ? actor.OrganisationId : null;

    private async Task<IReadOnlyList<MyCertificateRow>> LoadAsync(RecognitionDbContext db, Guid enterprise, Guid? only, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        // The tenancy filter already limits certificates to the enterprise's applications; the owner column is checked too.
        var certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.EnterpriseId == enterprise && (only == null || c.Id == only))
            .ToListAsync(ct);
        var ids = certificates.Select(c => c.Id).ToList();
        var renames = await db.RenameRequests.AsNoTracking().Where(r => ids.Contains(r.CertificateId)).ToListAsync(ct);
        return certificates
            .OrderByDescending(c => c.AwardedOn).ThenBy(c => c.Number, StringComparer.Ordinal)
            .Select(c => new MyCertificateRow(c.Id, c.ApplicationId, c.Number, c.Kind, c.EnterpriseName, c.WorkshopOrFactoryName,
                c.AwardedOn, c.ValidUntil, c.Status, c.ValidUntil.DayNumber - today.DayNumber,
                renames.Where(r => r.CertificateId == c.Id).OrderByDescending(r => r.CreatedAt)
                    .Select(r => new MyRenameRow(r.Id, r.PreviousName, r.NewName, r.NewCreditCode, r.Reason, r.State, r.CreatedAt,
                        r.BureauOpinion, r.ForwardedAt, r.DecisionNote, r.DecidedAt))
                    .ToList()))
            .ToList();
    }
}
