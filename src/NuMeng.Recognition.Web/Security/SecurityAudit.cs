using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Account events into the audit log (<see cref="IAuditLog"/>). Sign-in happens before the request has a signed-in
/// user, so a successful sign-in is recorded with the actor of the principal just issued (not "anonymous").
/// </summary>
public sealed class SecurityAudit(IAuditLog audit, DbContextOptions<RecognitionDbContext> options, TimeProvider time)
{
    /// <summary>Records <paramref name="auditEvent"/> as the current actor of the scope.</summary>
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        audit.AppendAsync(auditEvent, cancellationToken);

    /// <summary>Records <paramref name="auditEvent"/> as the actor of <paramref name="principal"/>.</summary>
    public async Task RecordAsAsync(ClaimsPrincipal principal, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var db = new RecognitionDbContext(options, CurrentActor.FromPrincipal(principal), time);
        await audit.AppendAsync(db, auditEvent, cancellationToken);
    }
}
