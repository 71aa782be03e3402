package dev.automateos.nodes; final class Placeholder {}
