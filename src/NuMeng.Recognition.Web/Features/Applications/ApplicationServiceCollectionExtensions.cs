namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>Registration of the enterprise's application services (one line in DependencyInjection.cs).</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Scoped: each service uses the scope's <c>IDbContextFactory</c> and <c>ICurrentActor</c> (one context per operation,
    /// never one per circuit). Needs the attachment store (<c>AddAttachmentStore</c>) for evidence uploads.
    /// </summary>
    public static IServiceCollection AddApplicationFeatures(this IServiceCollection services)
    {
        services.AddProcedure();
        services.AddScoped<ApplicationDrafts>();
        services.AddScoped<ApplicationEvidence>();
        services.AddScoped<ApplicationSubmission>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<ApplicationList>();
        // 我的认定 and rename requests (Features/Recognitions): the enterprise's side of the recognition.
        services.AddScoped<Recognitions.EnterpriseRecognitions>();
        return services;
    }
}
