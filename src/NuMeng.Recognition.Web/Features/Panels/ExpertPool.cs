using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>One expert of the pool as listed, with the current load (non-recused assignments on open panels).</summary>
public sealed record PoolExpert(Expert Expert, int CurrentLoad);

/// <summary>
/// What the department types for an expert. Fields and consultancy links are typed one per line (or separated by
/// 、，, ;), the 盟市 is chosen from the list.
/// </summary>
public sealed record ExpertInput(string? Name, string? Title, string? EmployerName, string? EmployerCreditCode, string? Fields,
    string? LeagueCode, string? ConsultancyLinks, string? Phone)
{
    private static readonly char[] Separators = ['\n', '\r', '、', '，', ',', ';', '；'];

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<InputError> Validate()
    {
        var profile = new ExpertProfile(Guid.Empty, Name ?? string.Empty, EmployerName, null, Clean(EmployerCreditCode), null,
            Split(Fields), Clean(LeagueCode), Split(ConsultancyLinks), true);
        var errors = profile.Validate(string.Empty).ToList();
        foreach (var (field, value, max) in new[] { ("title", Title, 50), ("employerName", EmployerName, 100), ("phone", Phone, 30) })
        {
            if ((value?.Trim().Length ?? 0) > max)
            {
                errors.Add(new(field, $"不能超过 {max} 个字"));
            }
        }
        return errors;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// /panels/experts: the expert pool (专家库). The department adds, edits, deactivates and reactivates experts; the
/// agency may view. Edits check the row's concurrency stamp and are audited. An employer credit code registered in the
/// portal links the expert to that organisation, so conflict detection also sees the employer's parent group.
/// </summary>
public sealed class ExpertPool(IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, ICurrentActor actor)
{
    public async Task<IReadOnlyList<PoolExpert>?> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!PanelDesk.Admits(db.Actor))
        {
            return null;
        }
        var experts = await db.Experts.AsNoTracking().ToListAsync(cancellationToken);
        var load = await db.ExpertAssignments.AsNoTracking()
            .Where(x => !x.Recused && db.Applications.Any(a => a.Id == x.ApplicationId && PanelData.States.Contains(a.State)))
            .GroupBy(x => x.ExpertId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return experts
            .OrderByDescending(e => e.IsActive).ThenBy(e => e.LeagueCode, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new PoolExpert(e, load.GetValueOrDefault(e.Id)))
            .ToList();
    }

    /// <summary>Adds an expert (department only).</summary>
    public Task<StepOutcome> CreateAsync(ExpertInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(null, null, input, cancellationToken);

    /// <summary>Edits an expert (department only); <paramref name="expectedStamp"/> is the stamp the form was shown with.</summary>
    public Task<StepOutcome> UpdateAsync(Guid expertId, Guid expectedStamp, ExpertInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(expertId, expectedStamp, input, cancellationToken);

    /// <summary>Deactivates (停用) or reactivates an expert: an inactive expert is never suggested nor assigned.</summary>
    public Task<StepOutcome> SetActiveAsync(Guid expertId, Guid expectedStamp, bool active, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<Expert>
        {
            Desk = Department(),
            Id = _ => expertId,
            Load = step => step.Db.Experts.FirstOrDefaultAsync(e => e.Id == expertId, step.Cancellation),
            NotFound = StepOutcome.NotFound("未找到该专家"),
            AlreadyDone = expert => expert.IsActive == active ? (active ? "该专家已是启用状态" : "该专家已停用") : null,
            Stamp = expectedStamp,
            Work = (_, expert) =>
            {
                expert.IsActive = active;
                return Task.FromResult<StepOutcome?>(null);
            },
            Audit = (_, expert) => [(active ? PanelAuditKinds.ExpertActivate : PanelAuditKinds.ExpertDeactivate).For(expert.Id, new { expert.Name })],
            Done = expert => active ? $"已重新启用{expert.Name}" : $"已停用{expert.Name}（不再被推荐或分配；已有的评审不受影响）",
        }, cancellationToken);

    private Task<StepOutcome> SaveAsync(Guid? expertId, Guid? expectedStamp, ExpertInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var created = new Expert();
        return procedure.RunAsync(new Step<Expert>
        {
            Desk = Department(),
            Id = _ => expertId ?? created.Id,
            Load = step => expertId is { } id ? step.Db.Experts.FirstOrDefaultAsync(e => e.Id == id, step.Cancellation) : Task.FromResult<Expert?>(created),
            NotFound = StepOutcome.NotFound("未找到该专家"),
            Validate = _ => input.Validate(),
            InvalidMessage = PanelDesk.InvalidMessage,
            Stamp = expectedStamp,
            Work = async (step, expert) =>
            {
                if (expertId is null)
                {
                    step.Db.Experts.Add(expert);
                }
                var code = ExpertInput.Clean(input.EmployerCreditCode) is { } c ? CreditCode.Normalise(c) : null;
                expert.Name = input.Name!.Trim();
                expert.Title = ExpertInput.Clean(input.Title);
                expert.EmployerName = ExpertInput.Clean(input.EmployerName);
                expert.EmployerCreditCode = code;
                expert.EmployerOrganisationId = code is null ? null
                    : await step.Db.Organisations.Where(o => o.CreditCode == code && o.Kind == OrganisationKind.Enterprise)
                        .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(step.Cancellation);
                expert.Fields = [.. ExpertInput.Split(input.Fields)];
                expert.LeagueCode = ExpertInput.Clean(input.LeagueCode);
                expert.ConsultancyLinks = [.. ExpertInput.Split(input.ConsultancyLinks)];
                expert.Phone = ExpertInput.Clean(input.Phone);
                return null;
            },
            Audit = (_, expert) => [(expertId is null ? PanelAuditKinds.ExpertCreate : PanelAuditKinds.ExpertUpdate).For(expert.Id, new
            {
                expert.Name, expert.EmployerName, expert.EmployerCreditCode, expert.Fields, expert.LeagueCode, expert.ConsultancyLinks,
            })],
            Done = expert => expertId is null ? $"已将{expert.Name}加入专家库" : $"已保存{expert.Name}的信息",
        }, cancellationToken);
    }

    /// <summary>The pool is the department's: the agency is told it only reads it, anyone else that panels are not theirs.</summary>
    private Desk Department() => new(u => u.IsDepartment, PanelDesk.Admits(actor) ? PanelDesk.NotDepartmentMessage : PanelDesk.NotManagerMessage);
}
