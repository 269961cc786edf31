using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NuMeng.Recognition.Web.Infrastructure.Attachments;

/// <summary>Registration of the attachment store.</summary>
public static class AttachmentServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IAttachmentStore"/> = <see cref="FileSystemAttachmentStore"/> (singleton), configured from the
    /// <c>Attachments</c> section (<c>Root</c>, default <c>App_Data/attachments</c>; <c>MaxBytes</c>, default 20 MB).
    /// </summary>
    public static IServiceCollection AddAttachmentStore(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.SectionName);
        services.TryAddSingleton<IAttachmentStore, FileSystemAttachmentStore>();
        return services;
    }
}
