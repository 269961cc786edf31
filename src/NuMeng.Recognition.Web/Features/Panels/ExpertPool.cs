using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Organisations;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Rules;

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
public sealed class ExpertPool(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit)
{
    public async Task<IReadOnlyList<PoolExpert>?> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (PanelActor.Of(db.Actor) is null)
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
    public Task<PanelOutcome> CreateAsync(ExpertInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(null, null, input, cancellationToken);

    /// <summary>Edits an expert (department only); <paramref name="expectedStamp"/> is the stamp the form was shown with.</summary>
    public Task<PanelOutcome> UpdateAsync(Guid expertId, Guid expectedStamp, ExpertInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(expertId, expectedStamp, input, cancellationToken);

    /// <summary>Deactivates (停用) or reactivates an expert: an inactive expert is never suggested nor assigned.</summary>
    public async Task<PanelOutcome> SetActiveAsync(Guid expertId, Guid expectedStamp, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (Department(db) is { } refusal)
        {
            return refusal;
        }
        if (await db.Experts.FirstOrDefaultAsync(e => e.Id == expertId, cancellationToken) is not { } expert)
        {
            return PanelOutcome.NotFound("未找到该专家");
        }
        if (expert.IsActive == active)
        {
            return PanelOutcome.Done(active ? "该专家已是启用状态" : "该专家已停用");
        }
        db.ExpectStamp(expert, expectedStamp);
        expert.IsActive = active;
        return await AppendAsync(db, new AuditEvent(active ? "expert.activate" : "expert.deactivate", "Expert", expert.Id.ToString("D"),
            new { expert.Name }), active ? $"已重新启用{expert.Name}" : $"已停用{expert.Name}（不再被推荐或分配；已有的评审不受影响）", cancellationToken);
    }

    private async Task<PanelOutcome> SaveAsync(Guid? expertId, Guid? expectedStamp, ExpertInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (Department(db) is { } refusal)
        {
            return refusal;
        }
        if (input.Validate() is { Count: > 0 } errors)
        {
            return PanelOutcome.Invalid(errors);
        }
        Expert? expert;
        if (expertId is { } id)
        {
            expert = await db.Experts.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (expert is null)
            {
                return PanelOutcome.NotFound("未找到该专家");
            }
            db.ExpectStamp(expert, expectedStamp!.Value);
        }
        else
        {
            expert = new Expert();
            db.Experts.Add(expert);
        }
        var code = ExpertInput.Clean(input.EmployerCreditCode) is { } c ? CreditCode.Normalise(c) : null;
        expert.Name = input.Name!.Trim();
        expert.Title = ExpertInput.Clean(input.Title);
        expert.EmployerName = ExpertInput.Clean(input.EmployerName);
        expert.EmployerCreditCode = code;
        expert.EmployerOrganisationId = code is null ? null
            : await db.Organisations.Where(o => o.CreditCode == code && o.Kind == OrganisationKind.Enterprise)
                .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        expert.Fields = [.. ExpertInput.Split(input.Fields)];
        expert.LeagueCode = ExpertInput.Clean(input.LeagueCode);
        expert.ConsultancyLinks = [.. ExpertInput.Split(input.ConsultancyLinks)];
        expert.Phone = ExpertInput.Clean(input.Phone);
        return await AppendAsync(db, new AuditEvent(expertId is null ? "expert.create" : "expert.update", "Expert", expert.Id.ToString("D"), new
        {
            expert.Name, expert.EmployerName, expert.EmployerCreditCode, expert.Fields, expert.LeagueCode, expert.ConsultancyLinks,
        }), expertId is null ? $"已将{expert.Name}加入专家库" : $"已保存{expert.Name}的信息", cancellationToken);
    }

    private static PanelOutcome? Department(RecognitionDbContext db) =>
        PanelActor.Of(db.Actor) switch
        {
            null => PanelOutcome.Refused(PanelActor.NotManagerMessage),
            { IsDepartment: false } => PanelOutcome.Refused(PanelActor.NotDepartmentMessage),
            _ => null,
        };

    private async Task<PanelOutcome> AppendAsync(RecognitionDbContext db, AuditEvent auditEvent, string message, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(db, auditEvent, cancellationToken);
            return PanelOutcome.Done(message);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
    }
}
