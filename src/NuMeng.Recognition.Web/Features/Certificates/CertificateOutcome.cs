using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>How a certificate action ended.</summary>
public enum CertificateOutcomeKind
{
    /// <summary>Done and saved.</summary>
    Done,
    /// <summary>Already done (a second click): nothing changed.</summary>
    AlreadyDone,
    /// <summary>The input has errors.</summary>
    Invalid,
    /// <summary>Not allowed (role, state, rule).</summary>
    Refused,
    /// <summary>Someone else changed the record since the form was shown.</summary>
    Conflict,
    /// <summary>No such record.</summary>
    NotFound,
}

/// <summary>The result of a certificate action: a Chinese message, field errors, and the id of the record made.</summary>
public sealed record CertificateOutcome(CertificateOutcomeKind Kind, string Message, IReadOnlyList<InputError> Errors, Guid? Id = null)
{
    public bool Succeeded => Kind is CertificateOutcomeKind.Done or CertificateOutcomeKind.AlreadyDone;

    /// <summary>Every message in one line (for a page's error box).</summary>
    public string Text => Errors.Count > 0 ? string.Join("；", Errors.Select(e => e.Message)) : Message;

    public static CertificateOutcome Done(string message, Guid? id = null) => new(CertificateOutcomeKind.Done, message, [], id);

    public static CertificateOutcome AlreadyDone(string message, Guid? id = null) => new(CertificateOutcomeKind.AlreadyDone, message, [], id);

    public static CertificateOutcome Invalid(IReadOnlyList<InputError> errors) => new(CertificateOutcomeKind.Invalid, "请修改以下内容后重新提交", errors);

    public static CertificateOutcome Refused(string message) => new(CertificateOutcomeKind.Refused, message, []);

    public static CertificateOutcome Conflict(string message) => new(CertificateOutcomeKind.Conflict, message, []);

    public static CertificateOutcome NotFound() => new(CertificateOutcomeKind.NotFound, "未找到该记录", []);

    /// <summary>Saves the pending changes with their audit entry; a lost race becomes a message and nothing is saved.</summary>
    internal static async Task<CertificateOutcome> SaveAsync(IAuditLog audit, RecognitionDbContext db, AuditEvent auditEvent,
        string message, Guid? id, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(db, auditEvent, cancellationToken);
            return Done(message, id);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return Conflict(ConcurrencyConflict.Describe(ex));
        }
        catch (DbUpdateException)
        {
            // A unique index (document number, certificate number or code) taken by a concurrent request.
            return Conflict("该记录已被他人同时办理，请刷新后重试");
        }
    }
}
