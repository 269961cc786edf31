using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Web.Tests.Features.Review;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// The department's services on the demo SQLite database of <see cref="ReviewTestDatabase"/>, built in a scope acting as a
/// demo account (the database registers the data layer, audit, notifications and the clock these services need).
/// </summary>
internal static class BatchTestServices
{
    public static T For<T>(ReviewTestDatabase test, string user)
        where T : class =>
        ActivatorUtilities.CreateInstance<T>(test.As<IServiceProvider>(user));
}
