namespace NuMeng.Recognition.Web.Api;

public static class PreCheckEndpoints
{
    public static RouteGroupBuilder MapPreCheck(this RouteGroupBuilder group) => group;
}
