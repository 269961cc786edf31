using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>
/// The enterprise's side of an objection ("the enterprise may be asked to respond", the identity "kept
/// confidential from the enterprise"): the requests about its own applications — case number, what is asked, its answer —
/// through <see cref="UnfilteredQueries.ObjectionRequestsForEnterpriseAsync"/>, and one answer per request.
/// </summary>
public sealed class ObjectionResponseService(
    IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications, TimeProvider clock)
{
    public const int MinLength = 5;
    public const int MaxLength = 4000;

    /// <summary>The signed-in enterprise's requests (empty for anyone else).</summary>
    public async Task<IReadOnlyList<ObjectionRequestView>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (EnterpriseOf(db.Actor) is not { } organisation)
        {
            return [];
        }
        return await UnfilteredQueries.ObjectionRequestsForEnterpriseAsync(db, organisation, cancellationToken);
    }

    /// <summary>Records the answer (once); the department staff are notified.</summary>
    public Task<StepOutcome> RespondAsync(Guid objectionId, string? response, bool confirmed, CancellationToken cancellationToken = default)
    {
        var text = response?.Trim() ?? string.Empty;
        return procedure.RunAsync(new Step<Answer>
        {
            Desk = new(u => u.IsEnterprise && u.OrganisationId is not null, "只有申报企业可以答复"),
            Id = _ => objectionId,
            // The enterprise never reads the objection itself: the request is found and answered by the unfiltered query below.
            Load = _ => Task.FromResult<Answer?>(new Answer(objectionId)),
            Validate = _ => text.Length < MinLength ? [new("response", text.Length == 0 ? "请填写说明内容" : $"说明内容过短，请写明事实和依据（至少 {MinLength} 个字）")]
                : text.Length > MaxLength ? [new("response", $"说明内容不能超过 {MaxLength} 个字（现为 {text.Length} 个字）")]
                : !confirmed ? [new("confirm", "请勾选确认：说明只能提交一次，提交后不能修改")]
                : [],
            InvalidMessage = NoticesSteps.InvalidMessage,
            Work = async (s, _) =>
            {
                var result = await UnfilteredQueries.AnswerObjectionRequestAsync(s.Db, s.User.OrganisationId!.Value, objectionId, text,
                    Timestamps.Normalise(clock.GetUtcNow()), s.Cancellation);
                switch (result)
                {
                    case ObjectionAnswerOutcome.NotFound:
                        return StepOutcome.NotFound();
                    case ObjectionAnswerOutcome.AlreadyAnswered:
                        return StepOutcome.Refused("该说明已提交，不能重复提交或修改");
                    case ObjectionAnswerOutcome.Decided:
                        return StepOutcome.Refused("该异议已作出决定，不再接受说明");
                }
                await notifications.AddForOrganisationAsync(s.Db, WellKnownIds.Department, [ActorRole.DepartmentStaff],
                    "申报企业已就异议案件提交说明，请查看。", $"/selection/objections/{objectionId:D}", s.Cancellation);
                return null;
            },
            Audit = (s, _) => [AuditKinds.ObjectionRespond.For(objectionId, new { organisationId = s.User.OrganisationId, length = text.Length })],
            Done = _ => "说明已提交，已通知自治区工业和信息化厅。",
        }, cancellationToken);
    }

    /// <summary>The request answered.</summary>
    private sealed record Answer(Guid ObjectionId);

    private static Guid? EnterpriseOf(ICurrentActor actor) =>
        actor.IsAuthenticated && actor.Roles.Contains(ActorRole.EnterpriseApplicant) ? actor.OrganisationId : null;
}
