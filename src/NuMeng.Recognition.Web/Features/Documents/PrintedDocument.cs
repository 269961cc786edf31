namespace NuMeng.Recognition.Web.Features.Documents;

/// <summary>
/// What a loader found: the print component, its model and stamp, the page setup and the Chinese file name it is served
/// under. A loader returns null when the caller cannot see the record (or it does not exist): the endpoint answers 404.
/// </summary>
public sealed record PrintedDocument(Type Component, object Model, DocumentStamp Stamp, PageSetup Page, string FileName);
