"""The web shell: layout, navigation, login, language and municipality switching, health check."""
