using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Applications;

/// <summary>
/// The running portal's database and services acting as a demo account without a browser: to prepare a state the
/// browser test then works on (e.g. a return by the bureau), and to check what the browser did (one version, not two).
/// </summary>
internal sealed class PortalActors(PortalFactory portal) : IDisposable
{
    private readonly IServiceScope _scope = portal.Services.CreateScope();

    private DbContextOptions<RecognitionDbContext> Options => _scope.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>();

    public RecognitionDbContext System() => new(Options, CurrentActor.System("测试"));

    public ApplicationDrafts Drafts(string user) => new(Factory(user), ServiceHost.Actor(user), Audit(user), TimeProvider.System);

    public ApplicationEvidence Evidence(string user) =>
        new(Factory(user), ServiceHost.Actor(user), Audit(user), _scope.ServiceProvider.GetRequiredService<IAttachmentStore>(), TimeProvider.System);

    public ApplicationSubmission Submission(string user) => new(Factory(user), ServiceHost.Actor(user), Audit(user), TimeProvider.System);

    private ActorFactory Factory(string user) => new(Options, ServiceHost.Actor(user));

    private AuditLog Audit(string user) => new(Factory(user), _scope.ServiceProvider.GetRequiredService<AuditAppendLock>(),
        _scope.ServiceProvider.GetRequiredService<AuditIntegrity>(), TimeProvider.System);

    public void Dispose() => _scope.Dispose();

    private sealed class ActorFactory(DbContextOptions<RecognitionDbContext> options, ICurrentActor actor) : IDbContextFactory<RecognitionDbContext>
    {
        public RecognitionDbContext CreateDbContext() => new(options, actor);
    }
}
