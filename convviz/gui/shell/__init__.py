"""The application shell: the main window, its menus, file actions and dialogs; it builds and wires."""
