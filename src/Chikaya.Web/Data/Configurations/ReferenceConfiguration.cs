using Chikaya.Domain.Administrations;
using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;
using Chikaya.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chikaya.Web.Data.Configurations;

public sealed class AdministrationConfiguration : IEntityTypeConfiguration<Administration>
{
    public void Configure(EntityTypeBuilder<Administration> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(60);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.NameFr).HasMaxLength(200);
        builder.Property(a => a.NameAr).HasMaxLength(200);
        builder.PrimitiveCollection(a => a.ThemeIds);
        builder.HasOne<Administration>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Territory>().WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.Name);
    }
}

public sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(60);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.NameFr).HasMaxLength(150);
        builder.Property(t => t.NameAr).HasMaxLength(150);
        builder.Ignore(t => t.Name);
    }
}

public sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.ParentCode).HasMaxLength(40);
        builder.Property(t => t.NameFr).HasMaxLength(150);
        builder.Property(t => t.NameAr).HasMaxLength(150);
        builder.Ignore(t => t.Name);
    }
}

public sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.HasOne<Theme>().WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Territory>().WithMany().HasForeignKey(r => r.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Administration>().WithMany().HasForeignKey(r => r.AdministrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ThemeId, r.TerritoryId }).IsUnique();
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.TrackingNumber).HasMaxLength(20);
        builder.Property(r => r.ProtectedSecretCode).HasMaxLength(500);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(150);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(5);
        builder.HasIndex(u => u.AdministrationId);
    }
}
