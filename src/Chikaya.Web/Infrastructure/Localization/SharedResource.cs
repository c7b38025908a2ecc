namespace Chikaya.Web.Infrastructure.Localization;

/// <summary>The marker type for <c>IStringLocalizer&lt;SharedResource&gt;</c>: the app has one catalogue.</summary>
public sealed class SharedResource;
