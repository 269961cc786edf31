namespace NuMeng.Recognition.Web.Features.Workspace;

/// <summary>A count on the workspace, with its Chinese label.</summary>
public sealed record WorkspaceCount(string Label, int Count, string? Key = null);

/// <summary>
/// The workspace's figures. Every query goes through the tenancy filters of the scope's actor, so the same query gives an
/// enterprise its own applications, a bureau the submitted ones of its 盟市, the agency those entrusted to it and the
/// department all of them — no role test here decides what is visible.
/// </summary>
public sealed class WorkspaceQueries(RecognitionDbContext db)
{
    /// <summary>Applications visible to the actor, by state, in workflow order; states with none are left out.</summary>
    public async Task<IReadOnlyList<WorkspaceCount>> ApplicationsByStateAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Applications.AsNoTracking()
            .GroupBy(a => a.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.State)
            .Select(r => new WorkspaceCount(WorkflowLabels.State(r.State), r.Count, r.State.ToString()))
            .ToList();
    }

    /// <summary>The expert's assignments: waiting for a conflict declaration, declared without conflict, recused.</summary>
    public async Task<IReadOnlyList<WorkspaceCount>> AssignmentsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.ExpertAssignments.AsNoTracking()
            .Select(x => new { x.DeclaredAt, x.Conflict, x.Recused })
            .ToListAsync(cancellationToken);
        return
        [
            new("待声明利益冲突", rows.Count(x => x.DeclaredAt is null), "undeclared"),
            new("已声明无利益冲突，可评审", rows.Count(x => x.DeclaredAt is not null && x.Conflict == ConflictDeclaration.None && !x.Recused), "ready"),
            new("已回避", rows.Count(x => x.Recused), "recused"),
        ];
    }

    /// <summary>Accounts and organisations (system and security administrators see the directory).</summary>
    public async Task<IReadOnlyList<WorkspaceCount>> DirectoryAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.IsActive, u.LockoutEnd }).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().CountAsync(cancellationToken);
        return
        [
            new("账户", users.Count, "users"),
            new("已停用账户", users.Count(u => !u.IsActive), "inactive"),
            new("当前被锁定的账户", users.Count(u => u.LockoutEnd > now), "locked"),
            new("单位", organisations, "organisations"),
        ];
    }

    /// <summary>Audit log size (the audit administrator).</summary>
    public async Task<IReadOnlyList<WorkspaceCount>> AuditAsync(CancellationToken cancellationToken = default) =>
        [new("审计日志记录", await db.AuditEntries.AsNoTracking().CountAsync(cancellationToken), "audit")];
}
