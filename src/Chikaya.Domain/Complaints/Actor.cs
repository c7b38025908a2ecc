namespace Chikaya.Domain.Complaints;

public enum ActorKind
{
    Citizen = 0,
    Staff = 1,
    System = 2,
}

/// <summary>Who did something to a complaint, as the history records it.</summary>
public sealed record Actor(ActorKind Kind, string? UserId, string Name)
{
    public static readonly Actor System = new(ActorKind.System, null, "Chikaya");

    public static Actor Citizen(string? userId, string? name) => new(ActorKind.Citizen, userId, name ?? "");

    public static Actor Staff(string userId, string name) => new(ActorKind.Staff, userId, name);
}
