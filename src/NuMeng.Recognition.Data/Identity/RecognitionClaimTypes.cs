namespace NuMeng.Recognition.Data.Identity;

/// <summary>
/// Claim types the portal adds to the sign-in principal (<see cref="AppUserClaimsPrincipalFactory"/>) and reads back
/// into an <see cref="Tenancy.ICurrentActor"/> (<see cref="Tenancy.CurrentActor.FromPrincipal"/>).
/// </summary>
public static class RecognitionClaimTypes
{
    public const string OrganisationId = "numeng:org";
    public const string OrganisationName = "numeng:org_name";
    public const string OrganisationKind = "numeng:org_kind";
    public const string LeagueCode = "numeng:league";
    public const string ExpertId = "numeng:expert";
    public const string DisplayName = "numeng:display_name";
}
