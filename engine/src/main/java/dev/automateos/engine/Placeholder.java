package dev.automateos.engine; final class Placeholder {}
