namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>Registration of the bureau's review feature (one line in DependencyInjection.cs).</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>The queue, the decisions, the signing and the rename forwarding (scoped: they act for the scope's user).</summary>
    public static IServiceCollection AddBureauReview(this IServiceCollection services)
    {
        services.AddProcedure();
        services.AddScoped<BureauQueue>();
        services.AddScoped<BureauReviewService>();
        services.AddScoped<BureauSigning>();
        services.AddScoped<ReviewCaseQuery>();
        services.AddScoped<RenameForwarding>();
        return services;
    }
}
